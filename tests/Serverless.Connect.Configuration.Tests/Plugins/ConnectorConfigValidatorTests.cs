using Serverless.Connect.Configuration.Loading;
using Serverless.Connect.Configuration.Plugins;

namespace Serverless.Connect.Configuration.Tests.Plugins;

public sealed class ConnectorConfigValidatorTests
{
    private static readonly ConnectorConfigValidator _validator = new(SamplePlugins.Registry());
    private static readonly ConnectConfigLoader _loader = new(DictionaryEnvironmentVariables.Empty);

    private static Dictionary<string, string> Es(params (string Key, string Value)[] extra)
    {
        var config = new Dictionary<string, string>
        {
            ["name"] = "es",
            ["connector.class"] = "io.confluent.connect.elasticsearch.ElasticsearchSinkConnector",
            ["topics"] = "orders",
            ["connection.url"] = "http://elasticsearch:9200",
        };
        foreach (var (key, value) in extra)
        {
            config[key] = value;
        }

        return config;
    }

    [Fact]
    public void SeedElasticsearchSink_IsValidWithATypeNameWarning()
    {
        var connector = Assert.Single(_loader.LoadFile(TestPaths.Seed("elasticsearch-sink.yaml")).Connectors);

        var result = _validator.Validate(connector);

        Assert.True(result.IsValid, result.ToString());
        var warning = Assert.Single(result.Warnings);
        Assert.Equal("type.name", warning.Key);
        Assert.Contains("no longer used", warning.Message, StringComparison.Ordinal);
        Assert.Equal(3, result.Config!.GetInt("tasks.max"));
        Assert.Equal("delete", result.Config.GetString("behavior.on.null.values"));
        Assert.Equal(["orders", "products"], result.Config.GetList("topics")!);
    }

    [Fact]
    public void SeedS3Sink_IsValid()
    {
        var connector = Assert.Single(_loader.LoadFile(TestPaths.Seed("s3-sink.yaml")).Connectors);

        var result = _validator.Validate(connector);

        Assert.True(result.IsValid, result.ToString());
        Assert.Equal(1000, result.Config!.GetInt("flush.size"));
    }

    [Fact]
    public void SeedPostgresSource_IsValidAndItsTransformWarns()
    {
        var connector = Assert.Single(_loader.LoadFile(TestPaths.Seed("postgres-source.yaml")).Connectors);

        var result = _validator.Validate(connector);

        Assert.True(result.IsValid, result.ToString());
        Assert.Equal("transforms.unwrap.drop.tombstones", Assert.Single(result.Warnings).Key);
        Assert.Equal("[hidden]", result.Config!.GetPassword("database.password")!.ToString());
        Assert.Equal(5432, result.Config.GetInt("database.port"));
        Assert.Equal("http://schema-registry:8081", Assert.Single(result.Config.GetList("value.converter.schema.registry.url")!));
    }

    [Fact]
    public void SeedOutboxConnector_IsValid()
    {
        var connector = Assert.Single(_loader.LoadFile(TestPaths.Seed("outbox-connector.yaml")).Connectors);

        Assert.True(_validator.Validate(connector).IsValid);
    }

    [Fact]
    public void UnknownConnectorClass_ListsTheSupportedOnes()
    {
        var result = _validator.Validate(Es(("connector.class", "com.example.MongoSinkConnector")));

        var error = Assert.Single(result.Errors);
        Assert.Equal("connector.class", error.Key);
        Assert.Equal(
            "Failed to find any class that implements Connector and which name matches com.example.MongoSinkConnector, available connectors are: "
            + "io.confluent.connect.elasticsearch.ElasticsearchSinkConnector, io.confluent.connect.s3.S3SinkConnector, io.debezium.connector.postgresql.PostgresConnector",
            error.Message);
    }

    [Fact]
    public void ConnectorAlias_IsAccepted()
    {
        Assert.True(_validator.Validate(Es(("connector.class", "ElasticsearchSink"))).IsValid);
    }

    [Fact]
    public void ConnectorSettings_AreValidatedWithKafkaMessages()
    {
        var config = Es(("batch.size", "0"), ("behavior.on.null.values", "drop"), ("key.ignore", "maybe"));
        config.Remove("connection.url");

        var result = _validator.Validate(config);

        Assert.Equal(
            [
                "connection.url: Missing required configuration \"connection.url\" which has no default value.",
                "batch.size: Invalid value 0 for configuration batch.size: Value must be at least 1",
                "key.ignore: Invalid value maybe for configuration key.ignore: Expected value to be either true or false",
                "behavior.on.null.values: Invalid value drop for configuration behavior.on.null.values: String must be one of (case insensitive): IGNORE, DELETE, FAIL",
            ],
            result.ToString().Split(Environment.NewLine));
    }

    [Fact]
    public void ConnectorCrossFieldValidator_Runs()
    {
        Assert.Equal("batch.size: seven is unlucky", _validator.Validate(Es(("batch.size", "7"))).ToString());
    }

    [Fact]
    public void SinkTopics_ExactlyOneIsRequired()
    {
        var neither = Es();
        neither.Remove("topics");
        Assert.Equal(
            ["topics: Must configure one of topics or topics.regex", "topics.regex: Must configure one of topics or topics.regex"],
            _validator.Validate(neither).ToString().Split(Environment.NewLine));

        var both = Es(("topics.regex", "orders.*"));
        Assert.Equal(
            [
                "topics: topics and topics.regex are mutually exclusive options, but both are set.",
                "topics.regex: topics and topics.regex are mutually exclusive options, but both are set.",
            ],
            _validator.Validate(both).ToString().Split(Environment.NewLine));

        var regexOnly = Es(("topics.regex", "orders.*"));
        regexOnly.Remove("topics");
        Assert.True(_validator.Validate(regexOnly).IsValid);
    }

    [Fact]
    public void DeadLetterQueueTopic_MayNotBeConsumed()
    {
        var listed = _validator.Validate(Es(("topics", "orders, dlq"), ("errors.deadletterqueue.topic.name", "dlq")));
        Assert.Equal("topics: The DLQ topic 'dlq' may not be included in the list of topics ('topics=[orders, dlq]') consumed by the connector", listed.ToString());

        var regex = Es(("topics.regex", "d.*"), ("errors.deadletterqueue.topic.name", "dlq"));
        regex.Remove("topics");
        Assert.Equal("topics.regex: The DLQ topic 'dlq' may not be matched by the regex for the topics ('topics.regex=d.*') consumed by the connector", _validator.Validate(regex).ToString());
    }

    [Fact]
    public void SourceConnector_HasNoTopicRules()
    {
        var result = _validator.Validate(new Dictionary<string, string>
        {
            ["name"] = "pg",
            ["connector.class"] = "Postgres",
            ["database.hostname"] = "db",
            ["database.password"] = "x",
            ["table.whitelist"] = "public.a",
        });

        Assert.True(result.IsValid, result.ToString());
        Assert.Equal(["public.a"], result.Config!.GetList("table.include.list")!);
        Assert.Equal("table.whitelist", Assert.Single(result.Warnings).Key);
    }

    [Fact]
    public void Transforms_AreValidatedWithTheirOwnDefinitionsUnderFullKeys()
    {
        var result = _validator.Validate(Es(
            ("transforms", "route,extract,unknown"),
            ("transforms.route.type", "org.apache.kafka.connect.transforms.RegexRouter"),
            ("transforms.route.regex", "(.*)"),
            ("transforms.extract.type", "org.apache.kafka.connect.transforms.ExtractField$Value"),
            ("transforms.unknown.type", "com.example.Nope")));

        Assert.Equal(
            [
                "transforms.route.replacement: Missing required configuration \"transforms.route.replacement\" which has no default value.",
                "transforms.extract.field: Missing required configuration \"transforms.extract.field\" which has no default value.",
                "transforms.unknown.type: Invalid value com.example.Nope for configuration transforms.unknown.type: Class com.example.Nope could not be found.",
            ],
            result.ToString().Split(Environment.NewLine));
    }

    [Fact]
    public void TransformWithoutType_IsMissingRequired()
    {
        var result = _validator.Validate(Es(("transforms", "a")));

        Assert.Equal("transforms.a.type: Missing required configuration \"transforms.a.type\" which has no default value.", result.ToString());
    }

    [Fact]
    public void TransformValidator_ProblemsArePrefixed()
    {
        var result = _validator.Validate(Es(
            ("transforms", "route"),
            ("transforms.route.type", "org.apache.kafka.connect.transforms.RegexRouter"),
            ("transforms.route.regex", "("),
            ("transforms.route.replacement", "x")));

        Assert.Equal("transforms.route.regex: bad regex", result.ToString());
    }

    [Fact]
    public void Predicates_AreWiredAndChecked()
    {
        var valid = _validator.Validate(Es(
            ("transforms", "filter"),
            ("transforms.filter.type", "org.apache.kafka.connect.transforms.Filter"),
            ("transforms.filter.predicate", "isOrder"),
            ("transforms.filter.negate", "true"),
            ("predicates", "isOrder"),
            ("predicates.isOrder.type", "org.apache.kafka.connect.transforms.predicates.TopicNameMatches"),
            ("predicates.isOrder.pattern", "orders.*")));
        Assert.True(valid.IsValid, valid.ToString());

        var invalid = _validator.Validate(Es(
            ("transforms", "filter,other"),
            ("transforms.filter.type", "Filter"),
            ("transforms.filter.predicate", "missing"),
            ("transforms.filter.negate", "yes"),
            ("transforms.other.type", "Filter"),
            ("transforms.other.negate", "true"),
            ("predicates", "p"),
            ("predicates.p.type", "TopicNameMatches")));
        Assert.Equal(
            [
                "transforms.filter.negate: Invalid value yes for configuration transforms.filter.negate: Expected value to be either true or false",
                "predicates.p.pattern: Missing required configuration \"predicates.p.pattern\" which has no default value.",
                "transforms.filter.predicate: Invalid value missing for configuration transforms.filter.predicate: predicate 'missing' is not declared in predicates",
                "transforms.other.negate: Config 'transforms.other.negate' was provided but there is no config 'transforms.other.predicate' defining a predicate to be negated.",
            ],
            invalid.ToString().Split(Environment.NewLine));
    }

    [Fact]
    public void Converters_AreCheckedAgainstTheRegistryWithTheirSubConfig()
    {
        var result = _validator.Validate(Es(
            ("key.converter", "org.apache.kafka.connect.json.JsonConverter"),
            ("key.converter.schemas.enable", "sometimes"),
            ("value.converter", "io.confluent.connect.avro.AvroConverter"),
            ("header.converter", "com.example.NoSuchConverter")));

        Assert.Equal(
            [
                "header.converter: Invalid value com.example.NoSuchConverter for configuration header.converter: Class com.example.NoSuchConverter could not be found.",
                "key.converter.schemas.enable: Invalid value sometimes for configuration key.converter.schemas.enable: Expected value to be either true or false",
                "value.converter.schema.registry.url: Missing required configuration \"value.converter.schema.registry.url\" which has no default value.",
            ],
            result.ToString().Split(Environment.NewLine).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void HeaderConverter_AcceptsConvertersThatAreAlsoHeaderConverters()
    {
        Assert.True(_validator.Validate(Es(("header.converter", "JsonConverter"))).IsValid);
        Assert.True(_validator.Validate(Es(("header.converter", "SimpleHeaderConverter"))).IsValid);
        Assert.False(_validator.Validate(Es(("key.converter", "SimpleHeaderConverter"))).IsValid);
    }

    [Fact]
    public void DlqFragmentMergedIntoTheSeedSink_IsValid()
    {
        var connector = Assert.Single(_loader.LoadFile(TestPaths.Seed("elasticsearch-sink.yaml")).Connectors);
        var fragment = _loader.LoadConfigFragment(TestPaths.Seed("dead-letter-queue-fragment.yaml"));
        var merged = new Dictionary<string, string>(connector.Values);
        foreach (var (key, value) in fragment.Values)
        {
            merged[key] = value;
        }

        var result = _validator.Validate(merged);

        Assert.True(result.IsValid, result.ToString());
        var errors = Serverless.Connect.Configuration.Connect.ErrorHandlingConfig.From(result.Config!);
        Assert.Equal(300000, errors.RetryTimeoutMs);
        Assert.Equal("dlq.my-connector", errors.DeadLetterQueueTopic);
    }
}
