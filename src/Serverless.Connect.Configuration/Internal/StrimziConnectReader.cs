using System.Collections.ObjectModel;

namespace Serverless.Connect.Configuration.Internal;

/// <summary>Reads a Strimzi <c>KafkaConnect</c> resource into the worker configuration the operator would generate.</summary>
internal static class StrimziConnectReader
{
    // Strimzi manages these itself and ignores them (with a warning) when they appear in spec.config.
    private static readonly string[] _forbiddenPrefixes =
    [
        "ssl.", "sasl.", "security.", "listeners", "plugin.path", "rest.", "bootstrap.servers",
        "consumer.interceptor.classes", "producer.interceptor.classes",
    ];

    private static readonly HashSet<string> _allowedExceptions = new(StringComparer.Ordinal)
    {
        "ssl.endpoint.identification.algorithm", "ssl.cipher.suites", "ssl.protocol", "ssl.enabled.protocols",
    };

    public static WorkerConfig? Read(DocMapping document, LoadContext context)
    {
        var mark = context.Mark();
        var errorsBefore = context.Errors.Count;
        if (!StrimziApi.CheckApiVersion(document, "KafkaConnect", context))
        {
            return null;
        }

        var name = StrimziApi.MetadataName(document, context, "KafkaConnect");
        var spec = document.Get("spec") as DocMapping;
        if (spec is null)
        {
            context.Error("spec", "KafkaConnect has no spec", document);
            return null;
        }

        var values = new OrderedDictionary<string, string>(StringComparer.Ordinal);
        var bootstrap = spec.GetText("bootstrapServers");
        if (string.IsNullOrWhiteSpace(bootstrap))
        {
            context.Warn("spec.bootstrapServers", "KafkaConnect has no spec.bootstrapServers; set KAFKA_BOOTSTRAP_SERVERS", spec);
        }
        else
        {
            values[WorkerConfig.BootstrapServersKey] = bootstrap.Trim();
        }

        if (spec.Get("config") is DocMapping configNode)
        {
            foreach (var (key, value) in ConfigMapFlattener.Flatten(configNode, "spec.config", context))
            {
                if (IsForbidden(key))
                {
                    context.Warn(key, $"spec.config.{key} is managed by Strimzi and ignored; use spec.bootstrapServers, spec.tls or spec.authentication", configNode);
                    continue;
                }

                values[key] = value;
            }
        }

        foreach (var (key, value) in WorkerConfig.StrimziDefaults)
        {
            values.TryAdd(key, value);
        }

        var secretNamespace = (document.Get("metadata") as DocMapping)?.GetText("namespace");
        StrimziSecurityTranslator.Apply(spec, secretNamespace, values, context);
        if (name is null || context.Errors.Count > errorsBefore)
        {
            return null;
        }

        return new WorkerConfig
        {
            Name = name,
            Values = new ReadOnlyDictionary<string, string>(values),
            SourceFile = context.Source,
            SourceKind = ConfigSourceKind.StrimziResource,
            Warnings = context.WarningsSince(mark),
        }.WithEnvironmentOverrides(context.Environment);
    }

    private static bool IsForbidden(string key) =>
        !_allowedExceptions.Contains(key) && _forbiddenPrefixes.Any(p => key.StartsWith(p, StringComparison.Ordinal));
}
