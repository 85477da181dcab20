namespace Serverless.Connect.Configuration.Internal;

/// <summary>Decides what each YAML/JSON document is (Strimzi resource, REST body, list) and reads it.</summary>
internal static class DocumentInterpreter
{
    public static void Interpret(DocNode root, LoadContext context, List<ConnectorConfig> connectors, List<WorkerConfig> workers)
    {
        switch (root)
        {
            case DocScalar { Kind: ScalarKind.Null }:
                return;
            case DocSequence sequence:
                foreach (var item in sequence.Items)
                {
                    Interpret(item, context, connectors, workers);
                }

                return;
            case DocMapping mapping:
                InterpretMapping(mapping, context, connectors, workers);
                return;
            default:
                context.Error(null, "expected a connector or worker configuration, found a single scalar", root);
                return;
        }
    }

    private static void InterpretMapping(DocMapping mapping, LoadContext context, List<ConnectorConfig> connectors, List<WorkerConfig> workers)
    {
        var kind = mapping.GetText("kind");
        switch (kind)
        {
            case "KafkaConnector":
                Add(StrimziConnectorReader.Read(mapping, context), connectors);
                return;
            case "KafkaConnect":
                Add(StrimziConnectReader.Read(mapping, context), workers);
                return;
            case "List" when mapping.Get("items") is DocSequence items:
                Interpret(items, context, connectors, workers);
                return;
            case null when RestConnectorReader.LooksLikeConnector(mapping):
                Add(RestConnectorReader.Read(mapping, context), connectors);
                return;
            case null:
                context.Error(null, "not a KafkaConnector, KafkaConnect or Connect REST connector configuration (no kind, config or connector.class)", mapping);
                return;
            default:
                context.Warn("kind", $"skipped a {kind} resource; only KafkaConnector and KafkaConnect are read", mapping);
                return;
        }
    }

    private static void Add<T>(T? item, List<T> target)
        where T : class
    {
        if (item is not null)
        {
            target.Add(item);
        }
    }
}
