namespace Serverless.Connect.Configuration.Internal;

/// <summary>
/// Translates <c>KafkaConnect.spec.tls</c> and <c>spec.authentication</c> into Kafka client settings whose secret parts
/// are <c>${secrets:…}</c> references, so they resolve through the mounted-secrets provider like any other secret.
/// </summary>
internal static class StrimziSecurityTranslator
{
    public static void Apply(DocMapping spec, string? secretNamespace, OrderedDictionary<string, string> values, LoadContext context)
    {
        var tls = spec.Get("tls") as DocMapping;
        var authentication = spec.Get("authentication") as DocMapping;
        if (tls is null && authentication is null)
        {
            return;
        }

        string Ref(string secretName, string key) =>
            secretNamespace is null ? $"${{secrets:{secretName}:{key}}}" : $"${{secrets:{secretNamespace}/{secretName}:{key}}}";

        if (tls is not null)
        {
            var certificates = new List<string>();
            foreach (var item in (tls.Get("trustedCertificates") as DocSequence)?.Items.OfType<DocMapping>() ?? [])
            {
                var secretName = item.GetText("secretName");
                var certificate = item.GetText("certificate");
                if (secretName is null || certificate is null)
                {
                    context.Warn("spec.tls.trustedCertificates", "only entries with secretName and certificate are supported; entry ignored", item);
                    continue;
                }

                certificates.Add(Ref(secretName, certificate));
            }

            if (certificates.Count > 0)
            {
                values["ssl.truststore.type"] = "PEM";
                values["ssl.truststore.certificates"] = string.Join("\n", certificates);
            }
        }

        var saslProtocol = tls is null ? "SASL_PLAINTEXT" : "SASL_SSL";
        var type = authentication?.GetText("type");
        switch (type)
        {
            case null:
                if (tls is not null)
                {
                    values["security.protocol"] = "SSL";
                }

                break;
            case "scram-sha-512" or "scram-sha-256" or "plain":
                var username = authentication!.GetText("username") ?? string.Empty;
                var passwordSecret = authentication.Get("passwordSecret") as DocMapping;
                var secretName = passwordSecret?.GetText("secretName");
                var passwordKey = passwordSecret?.GetText("password");
                if (secretName is null || passwordKey is null)
                {
                    context.Error("spec.authentication.passwordSecret", "needs secretName and password", authentication);
                    return;
                }

                var module = type == "plain"
                    ? "org.apache.kafka.common.security.plain.PlainLoginModule"
                    : "org.apache.kafka.common.security.scram.ScramLoginModule";
                values["security.protocol"] = saslProtocol;
                values["sasl.mechanism"] = type.ToUpperInvariant();
                values["sasl.jaas.config"] =
                    $"{module} required username=\"{Escape(username)}\" password=\"{Ref(secretName, passwordKey)}\";";
                break;
            case "tls":
                var certificateAndKey = authentication!.Get("certificateAndKey") as DocMapping;
                var keySecret = certificateAndKey?.GetText("secretName");
                var certificate = certificateAndKey?.GetText("certificate");
                var key = certificateAndKey?.GetText("key");
                if (keySecret is null || certificate is null || key is null)
                {
                    context.Error("spec.authentication.certificateAndKey", "needs secretName, certificate and key", authentication);
                    return;
                }

                values["security.protocol"] = "SSL";
                values["ssl.keystore.type"] = "PEM";
                values["ssl.keystore.certificate.chain"] = Ref(keySecret, certificate);
                values["ssl.keystore.key"] = Ref(keySecret, key);
                break;
            default:
                context.Warn("spec.authentication.type", $"authentication type '{type}' is not supported; configure the client settings directly", authentication);
                if (tls is not null)
                {
                    values["security.protocol"] = "SSL";
                }

                break;
        }
    }

    private static string Escape(string text) => text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal);
}
