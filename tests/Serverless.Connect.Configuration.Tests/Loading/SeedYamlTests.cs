using Serverless.Connect.Configuration.Loading;

namespace Serverless.Connect.Configuration.Tests.Loading;

/// <summary>Every YAML block of the design seed loads, with the values Kafka Connect would receive.</summary>
public sealed class SeedYamlTests
{
    private static readonly ConnectConfigLoader _loader = new(DictionaryEnvironmentVariables.Empty);

    [Fact]
    public void KafkaConnect_LoadsWorkerWithBootstrapServersAndStringifiedConfig()
    {
        var result = _loader.LoadFile(TestPaths.Seed("kafka-connect.yaml"));

        var worker = Assert.Single(result.Workers);
        Assert.Empty(result.Connectors);
        Assert.Equal("my-connect", worker.Name);
        Assert.Equal(ConfigSourceKind.StrimziResource, worker.SourceKind);
        Assert.Equal("my-cluster-kafka-bootstrap:9092", worker.BootstrapServers);
        Assert.Equal("connect-cluster", worker["group.id"]);
        Assert.Equal("connect-offsets", worker["offset.storage.topic"]);
        Assert.Equal("connect-configs", worker["config.storage.topic"]);
        Assert.Equal("connect-status", worker["status.storage.topic"]);
        Assert.Equal("org.apache.kafka.connect.json.JsonConverter", worker["key.converter"]);
        Assert.Equal("org.apache.kafka.connect.json.JsonConverter", worker["value.converter"]);
        Assert.Equal("true", worker["key.converter.schemas.enable"]);
        Assert.Equal("true", worker["value.converter.schemas.enable"]);
    }

    [Fact]
    public void PostgresSource_LoadsNameClassTasksAndStringifiedConfig()
    {
        var connector = Assert.Single(_loader.LoadFile(TestPaths.Seed("postgres-source.yaml")).Connectors);

        Assert.Equal("postgres-source", connector.Name);
        Assert.Equal("io.debezium.connector.postgresql.PostgresConnector", connector.ConnectorClass);
        Assert.Equal(1, connector.TasksMax);
        Assert.Equal("my-connect", connector.ClusterName);
        Assert.Equal(ConnectorState.Running, connector.State);
        Assert.Equal("5432", connector["database.port"]);
        Assert.Equal("${secrets:postgres:password}", connector["database.password"]);
        Assert.Equal("true", connector["transforms.unwrap.drop.tombstones"]);
        Assert.Equal("initial", connector["snapshot.mode"]);
        Assert.Equal("public.orders,public.customers", connector["table.include.list"]);
        Assert.Equal("http://schema-registry:8081", connector["value.converter.schema.registry.url"]);
        Assert.Equal(["name", "connector.class", "tasks.max", "database.hostname"], connector.Values.Keys.Take(4));
        Assert.Equal("1", connector["tasks.max"]);
        Assert.Empty(connector.Warnings);
    }

    [Fact]
    public void OutboxConnector_KeepsRoutedByValuePlaceholderAndStringifiesBoolean()
    {
        var connector = Assert.Single(_loader.LoadFile(TestPaths.Seed("outbox-connector.yaml")).Connectors);

        Assert.Equal("outbox-connector", connector.Name);
        Assert.Equal("events.${routedByValue}", connector["transforms.outbox.route.topic.replacement"]);
        Assert.Equal("io.debezium.transforms.outbox.EventRouter", connector["transforms.outbox.type"]);
        Assert.Equal("true", connector["transforms.outbox.table.expand.json.payload"]);
        Assert.Equal("public.outbox", connector["table.include.list"]);
    }

    [Fact]
    public void ElasticsearchSink_LoadsTasksMaxAndBooleans()
    {
        var connector = Assert.Single(_loader.LoadFile(TestPaths.Seed("elasticsearch-sink.yaml")).Connectors);

        Assert.Equal("io.confluent.connect.elasticsearch.ElasticsearchSinkConnector", connector.ConnectorClass);
        Assert.Equal(3, connector.TasksMax);
        Assert.Equal("orders,products", connector["topics"]);
        Assert.Equal("_doc", connector["type.name"]);
        Assert.Equal("false", connector["key.ignore"]);
        Assert.Equal("true", connector["schema.ignore"]);
        Assert.Equal("all", connector["errors.tolerance"]);
        Assert.Equal("dlq.elasticsearch", connector["errors.deadletterqueue.topic.name"]);
    }

    [Fact]
    public void S3Sink_KeepsQuotedPathFormatAndNumbers()
    {
        var connector = Assert.Single(_loader.LoadFile(TestPaths.Seed("s3-sink.yaml")).Connectors);

        Assert.Equal("1000", connector["flush.size"]);
        Assert.Equal("60000", connector["rotate.interval.ms"]);
        Assert.Equal("'year'=YYYY/'month'=MM/'day'=dd/'hour'=HH", connector["path.format"]);
        Assert.Equal("en-US", connector["locale"]);
        Assert.Equal("UTC", connector["timezone"]);
    }

    [Fact]
    public void TransformsFragment_LoadsWithLastDuplicateWinningAndWarnings()
    {
        var fragment = _loader.LoadConfigFragment(TestPaths.Seed("transforms-fragment.yaml"));

        Assert.Equal("filter", fragment.Values["transforms"]);
        Assert.Equal("org.apache.kafka.connect.transforms.ExtractField$Value", fragment.Values["transforms.extractField.type"]);
        Assert.Equal("(.*)", fragment.Values["transforms.route.regex"]);
        Assert.Equal("prod-$1", fragment.Values["transforms.route.replacement"]);
        Assert.Equal("true", fragment.Values["transforms.filter.negate"]);
        Assert.Equal("org.apache.kafka.connect.transforms.predicates.RecordIsTombstone", fragment.Values["predicates.isOrder.type"]);
        Assert.Equal(3, fragment.Warnings.Count(w => w.Key == "transforms" && w.Message.Contains("duplicate key", StringComparison.Ordinal)));
    }

    [Fact]
    public void DeadLetterQueueFragment_LoadsNumbersWithoutComments()
    {
        var fragment = _loader.LoadConfigFragment(TestPaths.Seed("dead-letter-queue-fragment.yaml"));

        Assert.Equal("all", fragment.Values["errors.tolerance"]);
        Assert.Equal("dlq.my-connector", fragment.Values["errors.deadletterqueue.topic.name"]);
        Assert.Equal("3", fragment.Values["errors.deadletterqueue.topic.replication.factor"]);
        Assert.Equal("true", fragment.Values["errors.log.include.messages"]);
        Assert.Equal("60000", fragment.Values["errors.retry.delay.max.ms"]);
        Assert.Equal("300000", fragment.Values["errors.retry.timeout"]);
        Assert.Empty(fragment.Warnings);
    }

    [Fact]
    public void SeedResourcesDirectory_LoadsAllConnectorsAndPairsThemWithTheirWorker()
    {
        using var directory = new TempDirectory();
        foreach (var file in new[] { "kafka-connect.yaml", "postgres-source.yaml", "outbox-connector.yaml", "elasticsearch-sink.yaml", "s3-sink.yaml" })
        {
            File.Copy(TestPaths.Seed(file), directory.PathOf(file));
        }

        File.WriteAllText(directory.PathOf("notes.txt"), "not configuration");
        File.WriteAllText(directory.PathOf(".hidden.yaml"), "this: [is not read");

        var result = _loader.LoadDirectory(directory.Path);

        Assert.Equal(
            ["elasticsearch-sink", "outbox-connector", "postgres-source", "s3-sink"],
            result.Connectors.Select(c => c.Name).ToArray());
        var worker = Assert.Single(result.Workers);
        Assert.All(result.Connectors, c => Assert.Same(worker, result.FindWorker(c)));
        Assert.NotNull(result.FindConnector("s3-sink"));
    }
}
