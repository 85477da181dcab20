using Serverless.Connect.Configuration;

namespace Serverless.Connect.Functions.Generation;

/// <summary>The Kafka trigger's <c>protocol</c> and <c>authenticationMode</c>, read from the worker's client security.</summary>
/// <param name="Protocol">The extension's <c>BrokerProtocol</c> name, or null for plaintext.</param>
/// <param name="AuthenticationMode">The extension's <c>BrokerAuthenticationMode</c> name, or null without SASL.</param>
public sealed record TriggerSecurity(string? Protocol, string? AuthenticationMode)
{
    /// <summary>Reads <c>security.protocol</c> and <c>sasl.mechanism</c> (after Strimzi's translation of <c>spec.authentication</c>).</summary>
    /// <param name="values">The worker values, or null.</param>
    /// <param name="source">Names the worker in messages.</param>
    /// <returns>The settings.</returns>
    /// <exception cref="ConfigException">A protocol or mechanism the Kafka extension does not support.</exception>
    public static TriggerSecurity From(IReadOnlyDictionary<string, string>? values, string source)
    {
        var protocolText = (values?.GetValueOrDefault("security.protocol") ?? "PLAINTEXT").Trim().ToUpperInvariant();
        var protocol = protocolText switch
        {
            "PLAINTEXT" => null,
            "SSL" => "Ssl",
            "SASL_PLAINTEXT" => "SaslPlaintext",
            "SASL_SSL" => "SaslSsl",
            _ => throw new ConfigException("security.protocol", protocolText, $"{source}: use PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL") { Key = "security.protocol" },
        };
        if (protocolText is not ("SASL_PLAINTEXT" or "SASL_SSL"))
        {
            return new TriggerSecurity(protocol, null);
        }

        var mechanism = (values?.GetValueOrDefault("sasl.mechanism") ?? "GSSAPI").Trim().ToUpperInvariant();
        var mode = mechanism switch
        {
            "PLAIN" => "Plain",
            "SCRAM-SHA-256" => "ScramSha256",
            "SCRAM-SHA-512" => "ScramSha512",
            "GSSAPI" => "Gssapi",
            "OAUTHBEARER" => "OAuthBearer",
            _ => throw new ConfigException("sasl.mechanism", mechanism, $"{source}: the Kafka trigger supports PLAIN, SCRAM-SHA-256, SCRAM-SHA-512, GSSAPI and OAUTHBEARER") { Key = "sasl.mechanism" },
        };
        return new TriggerSecurity(protocol, mode);
    }

    /// <summary>Gets whether SASL credentials (<c>username</c>/<c>password</c>) are needed.</summary>
    public bool UsesSasl => AuthenticationMode is "Plain" or "ScramSha256" or "ScramSha512";
}
