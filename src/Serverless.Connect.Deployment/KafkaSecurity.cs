using System.Text.RegularExpressions;
using Serverless.Connect.Configuration;

namespace Serverless.Connect.Deployment;

/// <summary>
/// The worker's Kafka client security, as Strimzi's <c>spec.authentication</c>/<c>spec.tls</c> translate to
/// <c>security.protocol</c>, <c>sasl.mechanism</c>, <c>sasl.jaas.config</c> and <c>ssl.truststore.certificates</c>.
/// </summary>
/// <param name="Tls">Whether the brokers speak TLS (<c>SSL</c> or <c>SASL_SSL</c>).</param>
/// <param name="SaslMechanism">KEDA's name of the SASL mechanism (<c>plaintext</c>, <c>scram_sha256</c>, <c>scram_sha512</c>), or null without SASL.</param>
/// <param name="Username">The SASL username, or null.</param>
/// <param name="Password">The Secret holding the SASL password, or null.</param>
/// <param name="CaCertificate">The Secret holding the brokers' CA certificate (PEM), or null.</param>
public sealed partial record KafkaSecurity(bool Tls, string? SaslMechanism, string? Username, SecretReference? Password, SecretReference? CaCertificate)
{
    /// <summary>No TLS, no SASL.</summary>
    public static KafkaSecurity Plaintext { get; } = new(false, null, null, null, null);

    /// <summary>Whether KEDA needs a TriggerAuthentication to read the consumer group's lag.</summary>
    public bool NeedsTriggerAuthentication => SaslMechanism is not null || CaCertificate is not null;

    /// <summary>Reads the security settings from merged worker values.</summary>
    /// <param name="values">Worker values (after Strimzi translation).</param>
    /// <param name="source">The worker's name, for messages.</param>
    /// <returns>The settings.</returns>
    /// <exception cref="ConfigException">A setting KEDA cannot use (unsupported mechanism, password not in a Secret).</exception>
    public static KafkaSecurity From(IReadOnlyDictionary<string, string> values, string source)
    {
        ArgumentNullException.ThrowIfNull(values);
        var protocol = (values.GetValueOrDefault("security.protocol") ?? "PLAINTEXT").Trim().ToUpperInvariant();
        var tls = protocol is "SSL" or "SASL_SSL";
        var ca = values.GetValueOrDefault("ssl.truststore.certificates") is { } certificates ? SecretReference.FindAll([certificates]).FirstOrDefault() : null;
        if (protocol is not ("SASL_PLAINTEXT" or "SASL_SSL"))
        {
            return new KafkaSecurity(tls, null, null, null, ca);
        }

        var mechanism = (values.GetValueOrDefault("sasl.mechanism") ?? "GSSAPI").Trim().ToUpperInvariant() switch
        {
            "PLAIN" => "plaintext",
            "SCRAM-SHA-256" => "scram_sha256",
            "SCRAM-SHA-512" => "scram_sha512",
            var other => throw new ConfigException($"{source}: sasl.mechanism {other} is not supported for KEDA scaling here; use PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512.") { Key = "sasl.mechanism" },
        };
        var jaas = values.GetValueOrDefault("sasl.jaas.config")
            ?? throw new ConfigException($"{source}: security.protocol {protocol} needs sasl.jaas.config with username and password.") { Key = "sasl.jaas.config" };
        var username = UsernamePattern().Match(jaas) is { Success: true } u ? u.Groups[1].Value : null;
        var passwordText = PasswordPattern().Match(jaas) is { Success: true } p ? p.Groups[1].Value : null;
        if (username is null || passwordText is null)
        {
            throw new ConfigException($"{source}: sasl.jaas.config has no username=\"…\" and password=\"…\".") { Key = "sasl.jaas.config" };
        }

        var password = SecretReference.TryParseWhole(passwordText)
            ?? throw new ConfigException($"{source}: the SASL password must come from a Kubernetes Secret (password=\"${{secrets:NAME:KEY}}\") so KEDA can read it too.") { Key = "sasl.jaas.config" };
        return new KafkaSecurity(tls, mechanism, username, password, ca);
    }

    [GeneratedRegex(@"\busername\s*=\s*""([^""]*)""", RegexOptions.CultureInvariant)]
    private static partial Regex UsernamePattern();

    [GeneratedRegex(@"\bpassword\s*=\s*""([^""]*)""", RegexOptions.CultureInvariant)]
    private static partial Regex PasswordPattern();
}
