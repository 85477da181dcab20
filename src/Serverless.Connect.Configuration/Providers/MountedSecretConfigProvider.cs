using System.Text;
using System.Text.RegularExpressions;

namespace Serverless.Connect.Configuration.Providers;

/// <summary>
/// <c>${secrets:[NAMESPACE/]NAME:KEY}</c> without a Kubernetes API: Strimzi's <c>KubernetesSecretConfigProvider</c> syntax,
/// resolved from mounted Secret volumes and environment variables.
/// </summary>
/// <remarks>
/// Lookup order for <c>${secrets:NS/NAME:KEY}</c>: file <c>&lt;dir&gt;/NS/NAME/KEY</c>, file <c>&lt;dir&gt;/NAME/KEY</c>,
/// variable <c>&lt;PREFIX&gt;NS_NAME_KEY</c>, variable <c>&lt;PREFIX&gt;NAME_KEY</c>. For <c>${secrets:NAME:KEY}</c> only the
/// un-namespaced file and variable are tried. Variable parts are upper-cased with every character outside A–Z and 0–9
/// replaced by <c>_</c>. File contents are used exactly (no trimming), as Kubernetes writes them. The same class serves
/// config maps (<c>${configmaps:…}</c>) with its own directory and prefix.
/// </remarks>
public sealed partial class MountedSecretConfigProvider : IConfigProvider
{
    /// <summary>The variable naming the secrets directory.</summary>
    public const string SecretsDirectoryVariable = "SC_SECRETS_DIR";

    /// <summary>The secrets directory used when <see cref="SecretsDirectoryVariable"/> is unset.</summary>
    public const string DefaultSecretsDirectory = "/var/run/secrets/serverless-connect";

    /// <summary>The prefix of secret environment variables.</summary>
    public const string SecretVariablePrefix = "SC_SECRET_";

    /// <summary>The variable naming the config maps directory.</summary>
    public const string ConfigMapsDirectoryVariable = "SC_CONFIGMAPS_DIR";

    /// <summary>The config maps directory used when <see cref="ConfigMapsDirectoryVariable"/> is unset.</summary>
    public const string DefaultConfigMapsDirectory = "/var/run/configmaps/serverless-connect";

    /// <summary>The prefix of config map environment variables.</summary>
    public const string ConfigMapVariablePrefix = "SC_CONFIGMAP_";

    private readonly string _directory;
    private readonly string _variablePrefix;
    private readonly string _noun;
    private readonly IEnvironmentVariables _environment;

    /// <summary>Creates the provider.</summary>
    /// <param name="directory">The root under which <c>NS/NAME/KEY</c> and <c>NAME/KEY</c> files are mounted.</param>
    /// <param name="variablePrefix">The environment variable prefix, for example <c>SC_SECRET_</c>.</param>
    /// <param name="environment">The environment to read.</param>
    /// <param name="noun">What is looked up, used in messages ("secret" or "config map").</param>
    public MountedSecretConfigProvider(string directory, string variablePrefix, IEnvironmentVariables environment, string noun = "secret")
    {
        ArgumentNullException.ThrowIfNull(directory);
        ArgumentNullException.ThrowIfNull(variablePrefix);
        ArgumentNullException.ThrowIfNull(environment);
        _directory = directory;
        _variablePrefix = variablePrefix;
        _environment = environment;
        _noun = noun;
    }

    /// <summary>The provider for <c>${secrets:…}</c>, configured from <c>SC_SECRETS_DIR</c>.</summary>
    /// <param name="environment">The environment.</param>
    /// <param name="directory">Overrides the directory, or null.</param>
    /// <returns>The provider.</returns>
    public static MountedSecretConfigProvider ForSecrets(IEnvironmentVariables environment, string? directory = null) =>
        new(directory ?? Nonblank(environment?.Get(SecretsDirectoryVariable)) ?? DefaultSecretsDirectory, SecretVariablePrefix, environment!);

    /// <summary>The provider for <c>${configmaps:…}</c>, configured from <c>SC_CONFIGMAPS_DIR</c>.</summary>
    /// <param name="environment">The environment.</param>
    /// <param name="directory">Overrides the directory, or null.</param>
    /// <returns>The provider.</returns>
    public static MountedSecretConfigProvider ForConfigMaps(IEnvironmentVariables environment, string? directory = null) =>
        new(directory ?? Nonblank(environment?.Get(ConfigMapsDirectoryVariable)) ?? DefaultConfigMapsDirectory, ConfigMapVariablePrefix, environment!, "config map");

    /// <summary>The environment variable name for one secret key.</summary>
    /// <param name="prefix">The prefix, for example <c>SC_SECRET_</c>.</param>
    /// <param name="secretNamespace">The namespace, or null.</param>
    /// <param name="name">The secret name.</param>
    /// <param name="key">The key within the secret.</param>
    /// <returns>For example <c>SC_SECRET_KAFKA_POSTGRES_PASSWORD</c>.</returns>
    public static string VariableName(string prefix, string? secretNamespace, string name, string key)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        var parts = secretNamespace is null ? new[] { name, key } : [secretNamespace, name, key];
        return prefix + string.Join("_", parts.Select(Sanitize));
    }

    /// <inheritdoc />
    public IReadOnlyDictionary<string, string> Get(string path, IReadOnlySet<string> keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var (secretNamespace, name) = ParsePath(path);
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var key in keys)
        {
            if (!SegmentPattern().IsMatch(key) || key.StartsWith("..", StringComparison.Ordinal))
            {
                continue;
            }

            var value = Lookup(secretNamespace, name, key);
            if (value is not null)
            {
                result[key] = value;
            }
        }

        return result;
    }

    /// <inheritdoc />
    public string DescribeLookup(string path, string key)
    {
        var (secretNamespace, name) = ParsePath(path);
        var (files, variables) = Candidates(secretNamespace, name, key);
        return $"no {_noun} \"{path}\" with key \"{key}\" (looked for files {string.Join(", ", files)} and environment variables {string.Join(", ", variables)})";
    }

    private string? Lookup(string? secretNamespace, string name, string key)
    {
        var (files, variables) = Candidates(secretNamespace, name, key);
        foreach (var file in files)
        {
            if (File.Exists(file))
            {
                try
                {
                    return File.ReadAllText(file, Encoding.UTF8);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    throw new ConfigProviderException($"Could not read {_noun} file {file}", e);
                }
            }
        }

        return variables.Select(_environment.Get).FirstOrDefault(v => v is not null);
    }

    private (List<string> Files, List<string> Variables) Candidates(string? secretNamespace, string name, string key)
    {
        var files = new List<string>();
        var variables = new List<string>();
        if (secretNamespace is not null)
        {
            files.Add(Path.Combine(_directory, secretNamespace, name, key));
            variables.Add(VariableName(_variablePrefix, secretNamespace, name, key));
        }

        files.Add(Path.Combine(_directory, name, key));
        variables.Add(VariableName(_variablePrefix, null, name, key));
        return (files, variables);
    }

    private (string? Namespace, string Name) ParsePath(string path)
    {
        var parts = (path ?? string.Empty).Split('/');
        var valid = parts.Length is 1 or 2 && parts.All(p => SegmentPattern().IsMatch(p) && !p.StartsWith("..", StringComparison.Ordinal));
        if (!valid)
        {
            throw new ConfigProviderException($"invalid {_noun} reference path '{path}'; expected NAME or NAMESPACE/NAME");
        }

        return parts.Length == 2 ? (parts[0], parts[1]) : (null, parts[0]);
    }

    private static string Sanitize(string part)
    {
        var chars = part.ToUpperInvariant().ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            if (!char.IsAsciiLetterOrDigit(chars[i]))
            {
                chars[i] = '_';
            }
        }

        return new string(chars);
    }

    private static string? Nonblank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    // Kubernetes object names and Secret keys: letters, digits, '-', '_' and '.'; "." and ".." never allowed.
    [GeneratedRegex(@"^(?!\.{1,2}$)[-._a-zA-Z0-9]+$", RegexOptions.CultureInvariant)]
    private static partial Regex SegmentPattern();
}
