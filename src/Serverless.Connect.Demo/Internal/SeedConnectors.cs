using System.Globalization;
using Serverless.Connect.Configuration;
using Serverless.Connect.Configuration.Connect;
using Serverless.Connect.Configuration.Loading;

using Serverless.Connect.DevServices;

namespace Serverless.Connect.Demo.Internal;

/// <summary>
/// The seed's connector YAML (embedded from <c>examples/connectors</c>) with this run's names and the local services
/// substituted. Every change to a seed value is listed in <see cref="Changes"/> so the demo can print it.
/// </summary>
internal sealed class SeedConnectors
{
    public const string S3SinkClass = "io.confluent.connect.s3.S3SinkConnector";
    public const string ElasticsearchSinkClass = "io.confluent.connect.elasticsearch.ElasticsearchSinkConnector";

    private readonly ServicesEnvironment _services;
    private readonly DemoNames _names;
    private readonly WorkerConfig _worker;

    public SeedConnectors(ServicesEnvironment services, DemoNames names)
    {
        _services = services;
        _names = names;
        var seedWorker = Load("kafka-connect.yaml").Workers.Single();
        var values = new Dictionary<string, string>(seedWorker.Values, StringComparer.Ordinal)
        {
            [WorkerConfig.BootstrapServersKey] = services.KafkaBootstrapServers,
            ["offset.storage.topic"] = names.OffsetsTopic,
            // Source offsets are stored every second rather than every minute, so a short run stores its position.
            ["offset.flush.interval.ms"] = "1000",
        };
        _worker = seedWorker with { Values = values };
    }

    public List<string> Changes { get; } = [];

    public EffectiveConnectorConfig PostgresSource() => Source("postgres-source.yaml", new Dictionary<string, string?>
    {
        ["topic.prefix"] = _names.CdcPrefix,
        ["slot.name"] = _names.SourceSlot,
        ["publication.name"] = _names.SourcePublication,
        // The seed's Avro converters need a Schema Registry, which does not run locally: use the worker's JsonConverter.
        ["key.converter"] = null,
        ["key.converter.schema.registry.url"] = null,
        ["value.converter"] = null,
        ["value.converter.schema.registry.url"] = null,
    });

    public EffectiveConnectorConfig OutboxSource() => Source("outbox-connector.yaml", new Dictionary<string, string?>
    {
        ["topic.prefix"] = _names.OutboxPrefix,
        ["slot.name"] = _names.OutboxSlot,
        ["publication.name"] = _names.OutboxPublication,
        ["transforms.outbox.route.topic.replacement"] = _names.EventsPrefix + "${routedByValue}",
    });

    public EffectiveConnectorConfig S3Sink() => Build("s3-sink.yaml", new Dictionary<string, string?>
    {
        ["topics"] = _names.OrderCreatedTopic + "," + _names.OrderShippedTopic,
        ["s3.bucket.name"] = _names.Bucket,
        ["store.url"] = _services.S3Endpoint.ToString().TrimEnd('/'),
        ["s3.path.style.access.enabled"] = "true",
        // A run lasts seconds, not hours: commit objects every 100 records per partition or every 5 s of wall clock.
        ["flush.size"] = "100",
        ["rotate.schedule.interval.ms"] = "5000",
        // The TimeBasedPartitioner needs a bucket size; the seed's path.format is hourly.
        ["partition.duration.ms"] = "3600000",
        // The seed's "Dead Letter Queue" section, with this run's topic.
        ["errors.tolerance"] = "all",
        ["errors.deadletterqueue.topic.name"] = _names.S3DeadLetterTopic,
        ["errors.deadletterqueue.context.headers.enable"] = "true",
        ["errors.log.enable"] = "true",
        ["errors.log.include.messages"] = "true",
    });

    public EffectiveConnectorConfig ElasticsearchSink(string url) => Build("elasticsearch-sink.yaml", new Dictionary<string, string?>
    {
        ["topics"] = _names.OrdersTopic + "," + _names.CustomersTopic,
        ["connection.url"] = url,
        ["errors.deadletterqueue.topic.name"] = _names.ElasticsearchDeadLetterTopic,
        // After unwrap the key is a struct {id}; Elasticsearch ids must be a string or an integer.
        ["transforms"] = "extractKey",
        ["transforms.extractKey.type"] = "org.apache.kafka.connect.transforms.ExtractField$Key",
        ["transforms.extractKey.field"] = "id",
    });

    private static ConfigLoadResult Load(string file)
    {
        var name = "seed/" + file;
        using var stream = typeof(SeedConnectors).Assembly.GetManifestResourceStream(name)
            ?? throw new DemoException($"embedded seed config {name} is missing from the build (examples/connectors/{file})");
        using var reader = new StreamReader(stream);
        return new ConnectConfigLoader().LoadText(reader.ReadToEnd(), ConfigFormat.Yaml, "examples/connectors/" + file);
    }

    private EffectiveConnectorConfig Source(string file, Dictionary<string, string?> overrides)
    {
        var all = new Dictionary<string, string?>(overrides, StringComparer.Ordinal)
        {
            ["database.hostname"] = _services.PostgresHost,
            ["database.port"] = _services.PostgresPort.ToString(CultureInfo.InvariantCulture),
            ["database.user"] = _services.PostgresUser,
            ["database.password"] = _services.PostgresPassword,
            ["database.dbname"] = _names.Database,
            // Leave no slot behind: WAL would pile up for a demo that is never run again.
            ["slot.drop.on.stop"] = "true",
            // Confirm the slot position every second (Debezium's default is 10 s) so the lag column moves.
            ["status.update.interval.ms"] = "1000",
        };
        return Build(file, all);
    }

    private EffectiveConnectorConfig Build(string file, IReadOnlyDictionary<string, string?> overrides)
    {
        var seed = Load(file).Connectors.Single();
        var name = _names.ConnectorName(seed.Name);
        var values = new Dictionary<string, string>(seed.Values, StringComparer.Ordinal) { [ConnectorConfig.NameKey] = name };
        foreach (var (key, value) in overrides)
        {
            var before = values.GetValueOrDefault(key);
            if (value is null)
            {
                values.Remove(key);
            }
            else
            {
                values[key] = value;
            }

            if (before != value && !key.StartsWith("database.", StringComparison.Ordinal))
            {
                Changes.Add($"{seed.Name}: {key}: {before ?? "(unset)"} -> {value ?? "(removed)"}");
            }
        }

        var connector = seed with { Name = name, Values = values };
        return ConnectorConfigMerger.Merge(connector, _worker);
    }
}
