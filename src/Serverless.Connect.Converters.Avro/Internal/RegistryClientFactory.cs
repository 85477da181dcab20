using System.Globalization;
using System.Text.RegularExpressions;
using Confluent.SchemaRegistry;
using Serverless.Connect.Errors;

namespace Serverless.Connect.Converters.Avro.Internal;

/// <summary>Builds Confluent's <see cref="CachedSchemaRegistryClient"/> from the converter's (Java-named) settings.</summary>
internal static partial class RegistryClientFactory
{
    /// <exception cref="ConverterConfigException">The client rejects a setting.</exception>
    public static CachedSchemaRegistryClient Create(AvroConverterConfig config)
    {
        var settings = ClientConfig(config);
        try
        {
            return new CachedSchemaRegistryClient(settings);
        }
        catch (ArgumentException e)
        {
            throw new ConverterConfigException($"Invalid Schema Registry client setting: {e.Message}", e);
        }
    }

    /// <exception cref="ConverterConfigException">The credentials cannot be determined.</exception>
    public static Dictionary<string, string> ClientConfig(AvroConverterConfig config)
    {
        var urls = new List<string>();
        string? urlUserInfo = null;
        foreach (var url in config.SchemaRegistryUrls)
        {
            var (clean, userInfo) = SplitUserInfo(url);
            urls.Add(clean);
            urlUserInfo ??= userInfo;
        }

        var settings = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["schema.registry.url"] = string.Join(',', urls),
            ["schema.registry.max.cached.schemas"] = config.MaxSchemasPerSubject.ToString(CultureInfo.InvariantCulture),
        };
        if (config.LatestCacheTtlSeconds >= 0)
        {
            settings["schema.registry.latest.cache.ttl.secs"] = config.LatestCacheTtlSeconds.ToString(CultureInfo.InvariantCulture);
        }

        var userInfoForClient = config.BasicAuthCredentialsSource switch
        {
            "USER_INFO" => config.BasicAuthUserInfo,
            "SASL_INHERIT" => FromJaas(config.SaslJaasConfig),
            _ => urlUserInfo,
        };
        if (!string.IsNullOrEmpty(userInfoForClient))
        {
            settings["schema.registry.basic.auth.credentials.source"] = "USER_INFO";
            settings["schema.registry.basic.auth.user.info"] = userInfoForClient;
        }

        foreach (var (key, value) in config.ClientSettings)
        {
            settings[key] = value;
        }

        return settings;
    }

    private static (string Url, string? UserInfo) SplitUserInfo(string url)
    {
        var withScheme = url.Contains("://", StringComparison.Ordinal) ? url : "http://" + url;
        if (!Uri.TryCreate(withScheme, UriKind.Absolute, out var uri) || uri.UserInfo.Length == 0)
        {
            return (url, null);
        }

        var builder = new UriBuilder(uri) { UserName = string.Empty, Password = string.Empty };
        return (builder.Uri.GetLeftPart(UriPartial.Path).TrimEnd('/'), Uri.UnescapeDataString(uri.UserInfo));
    }

    private static string FromJaas(string? jaas)
    {
        var user = jaas is null ? null : JaasOption().Matches(jaas).FirstOrDefault(m => m.Groups["key"].Value == "username")?.Groups["value"].Value;
        var password = jaas is null ? null : JaasOption().Matches(jaas).FirstOrDefault(m => m.Groups["key"].Value == "password")?.Groups["value"].Value;
        if (user is null || password is null)
        {
            throw new ConverterConfigException(
                "basic.auth.credentials.source=SASL_INHERIT needs sasl.jaas.config with username and password options in the converter settings");
        }

        return user + ":" + password;
    }

    [GeneratedRegex("(?<key>username|password)\\s*=\\s*\"(?<value>[^\"]*)\"")]
    private static partial Regex JaasOption();
}
