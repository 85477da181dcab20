using System.Text.Json;

namespace Serverless.Connect.Cli.Tests;

public sealed class TransformCommandTests
{
    private const string StringSink = """
        {"name":"orders-sink","config":{"connector.class":"io.confluent.connect.elasticsearch.ElasticsearchSinkConnector","topics":"orders",
        "connection.url":"http://localhost:9200",
        "key.converter":"org.apache.kafka.connect.storage.StringConverter","value.converter":"org.apache.kafka.connect.storage.StringConverter",
        "transforms":"route","transforms.route.type":"org.apache.kafka.connect.transforms.RegexRouter",
        "transforms.route.regex":"(.*)","transforms.route.replacement":"prod-$1"}}
        """;

    [Fact]
    public async Task StringConverter_RoutesAndKeepsShape()
    {
        var run = await CliRunner.TransformAsync(
            StringSink,
            """{"topic":"orders","partition":3,"offset":5,"timestamp":1700000000000,"key":"k1","value":"hello","headers":[{"key":"h","value":"text"},{"key":"n","value":null}]}""" + "\n");

        Assert.Equal(0, run.Exit);
        Assert.Equal(
            """{"topic":"prod-orders","partition":3,"offset":5,"timestamp":1700000000000,"key":"k1","value":"hello","headers":[{"key":"h","value":"text"},{"key":"n","value":null}]}""",
            Assert.Single(run.Stdout));
    }

    [Fact]
    public async Task JsonConverterWithSchemas_RoundTripsTheEnvelope()
    {
        const string config = """
            {"name":"json-sink","config":{"connector.class":"io.confluent.connect.elasticsearch.ElasticsearchSinkConnector","topics":"orders",
            "connection.url":"http://localhost:9200",
            "key.converter":"org.apache.kafka.connect.json.JsonConverter","key.converter.schemas.enable":"false",
            "value.converter":"org.apache.kafka.connect.json.JsonConverter","value.converter.schemas.enable":"true"}}
            """;
        const string value = """{"schema":{"type":"struct","fields":[{"type":"int32","optional":false,"field":"id"},{"type":"string","optional":true,"field":"name"}],"optional":false,"name":"orders.Value"},"payload":{"id":7,"name":"x"}}""";

        var run = await CliRunner.TransformAsync(config, $$"""{"topic":"orders","partition":0,"offset":9,"key":{"id":7},"value":{{value}}}""" + "\n");

        Assert.Equal(0, run.Exit);
        using var line = JsonDocument.Parse(Assert.Single(run.Stdout));
        Assert.Equal(9, line.RootElement.GetProperty("offset").GetInt64());
        Assert.Equal(JsonValueKind.Null, line.RootElement.GetProperty("timestamp").ValueKind);
        Assert.Equal("""{"id":7}""", line.RootElement.GetProperty("key").GetRawText());
        Assert.Equal(value, line.RootElement.GetProperty("value").GetRawText());
        Assert.Empty(line.RootElement.GetProperty("headers").EnumerateArray());
    }

    [Fact]
    public async Task DroppedRecord_PrintsNothing()
    {
        const string config = """
            {"name":"filter-sink","config":{"connector.class":"io.confluent.connect.elasticsearch.ElasticsearchSinkConnector","topics":"orders",
            "connection.url":"http://localhost:9200",
            "key.converter":"org.apache.kafka.connect.storage.StringConverter","value.converter":"org.apache.kafka.connect.storage.StringConverter",
            "transforms":"filter","transforms.filter.type":"org.apache.kafka.connect.transforms.Filter","transforms.filter.predicate":"tomb",
            "predicates":"tomb","predicates.tomb.type":"org.apache.kafka.connect.transforms.predicates.RecordIsTombstone"}}
            """;

        var run = await CliRunner.TransformAsync(
            config,
            """
            {"topic":"orders","partition":0,"offset":1,"key":"a","value":null}
            {"topic":"orders","partition":0,"offset":2,"key":"b","value":"kept"}
            """);

        Assert.Equal(0, run.Exit);
        Assert.Contains("\"offset\":2", Assert.Single(run.Stdout), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ToleranceAll_WritesFailuresToTheDlqFile_WithContextHeaders()
    {
        const string config = """
            {"name":"dlq-sink","config":{"connector.class":"io.confluent.connect.elasticsearch.ElasticsearchSinkConnector","topics":"orders",
            "connection.url":"http://localhost:9200",
            "key.converter":"org.apache.kafka.connect.storage.StringConverter",
            "value.converter":"org.apache.kafka.connect.json.JsonConverter","value.converter.schemas.enable":"true",
            "errors.tolerance":"all","errors.deadletterqueue.topic.name":"dlq.orders","errors.deadletterqueue.context.headers.enable":"true"}}
            """;

        var run = await CliRunner.TransformAsync(
            config,
            """
            {"topic":"orders","partition":1,"offset":10,"key":"k1","value":{"id":1},"headers":[{"key":"trace","value":"t-1"}]}
            {"topic":"orders","partition":1,"offset":11,"key":"k2","value":{"schema":{"type":"string","optional":false},"payload":"ok"}}
            """,
            withDlq: true);

        Assert.Equal(0, run.Exit);
        Assert.Contains("\"offset\":11", Assert.Single(run.Stdout), StringComparison.Ordinal);
        using var dlq = JsonDocument.Parse(Assert.Single(run.Dlq));
        var root = dlq.RootElement;
        Assert.Equal("dlq.orders", root.GetProperty("topic").GetString());
        Assert.Equal("k1", root.GetProperty("key").GetString());
        Assert.Equal("""{"id":1}""", root.GetProperty("value").GetRawText());
        var headers = root.GetProperty("headers").EnumerateArray().Select(h => (h.GetProperty("key").GetString(), h.GetProperty("value").GetString())).ToList();
        Assert.Equal(
            [
                ("trace", "t-1"),
                ("__connect.errors.topic", "orders"),
                ("__connect.errors.partition", "1"),
                ("__connect.errors.offset", "10"),
                ("__connect.errors.connector.name", "dlq-sink"),
                ("__connect.errors.task.id", "0"),
                ("__connect.errors.stage", "VALUE_CONVERTER"),
                ("__connect.errors.class.name", "org.apache.kafka.connect.json.JsonConverter"),
                ("__connect.errors.exception.class.name", "org.apache.kafka.connect.errors.DataException"),
            ],
            headers.Take(9));
        Assert.Equal("__connect.errors.exception.message", headers[9].Item1);
        Assert.Equal("__connect.errors.exception.stacktrace", headers[10].Item1);
        Assert.StartsWith("org.apache.kafka.connect.errors.DataException: ", headers[10].Item2, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ToleranceNone_StopsAtTheFirstFailure_NamingTopicPartitionOffsetAndStage()
    {
        const string config = """
            {"name":"strict-sink","config":{"connector.class":"io.confluent.connect.elasticsearch.ElasticsearchSinkConnector","topics":"orders",
            "connection.url":"http://localhost:9200",
            "key.converter":"org.apache.kafka.connect.storage.StringConverter",
            "value.converter":"org.apache.kafka.connect.json.JsonConverter","value.converter.schemas.enable":"false",
            "transforms":"cast","transforms.cast.type":"org.apache.kafka.connect.transforms.RegexRouter",
            "transforms.cast.regex":"(.*)","transforms.cast.replacement":"$1"}}
            """;

        var run = await CliRunner.TransformAsync(
            config,
            """
            {"topic":"orders","partition":0,"offset":1,"key":"a","value":{"ok":true}}
            {"topic":"orders","partition":4,"offset":2,"key":"b","value":{"broken":
            {"topic":"orders","partition":0,"offset":3,"key":"c","value":{"ok":true}}
            """);

        Assert.NotEqual(0, run.Exit);
        Assert.Single(run.Stdout);
        Assert.Contains("topic=orders", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("partition=4", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("offset=2", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("stage=VALUE_CONVERTER", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("line 2", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BadJsonInKey_IsAKeyConverterFailure()
    {
        const string config = """
            {"name":"k","config":{"connector.class":"io.confluent.connect.elasticsearch.ElasticsearchSinkConnector","topics":"orders",
            "connection.url":"http://localhost:9200",
            "key.converter":"org.apache.kafka.connect.json.JsonConverter","value.converter":"org.apache.kafka.connect.json.JsonConverter"}}
            """;

        var run = await CliRunner.TransformAsync(config, """{"topic":"orders","partition":0,"offset":3,"key":{"id":,"value":null}""" + "\n");

        Assert.Equal(1, run.Exit);
        Assert.Contains("stage=KEY_CONVERTER", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("stdin line 1", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConverterFailure_OfValidJson_IsReportedByTheConverter()
    {
        const string config = """
            {"name":"k","config":{"connector.class":"io.confluent.connect.elasticsearch.ElasticsearchSinkConnector","topics":"orders",
            "connection.url":"http://localhost:9200",
            "key.converter":"org.apache.kafka.connect.storage.StringConverter","value.converter":"org.apache.kafka.connect.json.JsonConverter"}}
            """;

        var run = await CliRunner.TransformAsync(config, """{"topic":"orders","partition":2,"offset":8,"key":"x","value":{"no":"envelope"}}""" + "\n");

        Assert.Equal(1, run.Exit);
        Assert.Contains("topic=orders partition=2 offset=8 stage=VALUE_CONVERTER", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BadHeaders_AreAHeaderConverterFailure_LoggedLikeConnect()
    {
        const string config = """
            {"name":"h","config":{"connector.class":"io.confluent.connect.elasticsearch.ElasticsearchSinkConnector","topics":"orders",
            "connection.url":"http://localhost:9200",
            "key.converter":"org.apache.kafka.connect.storage.StringConverter","value.converter":"org.apache.kafka.connect.storage.StringConverter",
            "errors.tolerance":"all","errors.log.enable":"true","errors.log.include.messages":"true"}}
            """;

        var run = await CliRunner.TransformAsync(
            config,
            """
            {"topic":"orders","partition":0,"offset":4,"timestamp":1700000000000,"key":"a","value":"b","headers":{"h":"not an array"}}
            {"topic":"orders","partition":0,"offset":5,"key":"a","value":"b"}
            """);

        Assert.Equal(0, run.Exit);
        Assert.Contains("\"offset\":5", Assert.Single(run.Stdout), StringComparison.Ordinal);
        Assert.Contains(
            "Error encountered in task h-0. Executing stage 'HEADER_CONVERTER' with class 'org.apache.kafka.connect.storage.SimpleHeaderConverter', " +
            "where consumed record is {topic='orders', partition=0, offset=4, timestamp=1700000000000, timestampType=CreateTime}.",
            run.Stderr,
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task ContextHeadersDisabled_DlqKeepsOnlyTheOriginalHeaders()
    {
        const string config = """
            {"name":"d","config":{"connector.class":"io.confluent.connect.elasticsearch.ElasticsearchSinkConnector","topics":"orders",
            "connection.url":"http://localhost:9200",
            "key.converter":"org.apache.kafka.connect.storage.StringConverter","value.converter":"org.apache.kafka.connect.json.JsonConverter",
            "errors.tolerance":"all","errors.deadletterqueue.topic.name":"dlq"}}
            """;

        var run = await CliRunner.TransformAsync(
            config, """{"topic":"orders","partition":0,"offset":4,"key":"a","value":{"x":1},"headers":[{"key":"h","value":"v"}]}""" + "\n", withDlq: true);

        Assert.Equal(0, run.Exit);
        Assert.Empty(run.Stdout);
        Assert.Equal(
            """{"topic":"dlq","partition":0,"offset":4,"timestamp":null,"key":"a","value":{"x":1},"headers":[{"key":"h","value":"v"}]}""",
            Assert.Single(run.Dlq));
    }

    [Fact]
    public async Task WorkerInTheSameFile_SuppliesTheConverters()
    {
        const string config = """
            apiVersion: kafka.strimzi.io/v1beta2
            kind: KafkaConnect
            metadata:
              name: my-connect
            spec:
              bootstrapServers: kafka:9092
              config:
                value.converter: org.apache.kafka.connect.json.JsonConverter
                value.converter.schemas.enable: false
                key.converter: org.apache.kafka.connect.storage.StringConverter
            ---
            apiVersion: kafka.strimzi.io/v1beta2
            kind: KafkaConnector
            metadata:
              name: es
              labels:
                strimzi.io/cluster: my-connect
            spec:
              class: io.confluent.connect.elasticsearch.ElasticsearchSinkConnector
              config:
                topics: orders
                connection.url: http://localhost:9200
            """;

        var run = await CliRunner.TransformAsync(config, """{"topic":"orders","partition":0,"offset":1,"key":"k","value":{"a":[1,2]}}""" + "\n", extension: ".yaml");

        Assert.True(run.Exit == 0, run.Stderr);
        Assert.Equal("""{"topic":"orders","partition":0,"offset":1,"timestamp":null,"key":"k","value":{"a":[1,2]},"headers":[]}""", Assert.Single(run.Stdout));
    }

    [Fact]
    public async Task UnwritableDlqFile_IsAUsageError()
    {
        var config = CliRunner.TempFile(
            """{"name":"d","config":{"connector.class":"x","errors.tolerance":"all","errors.deadletterqueue.topic.name":"dlq"}}""", ".json");
        try
        {
            var error = new StringWriter();

            var exit = await Commands.TransformCommand.RunAsync(config, "/nonexistent/dir/dlq.jsonl", new StringReader(""), new StringWriter(), error, CancellationToken.None);

            Assert.Equal(2, exit);
            Assert.Contains("dlq.jsonl", error.ToString(), StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(config);
        }
    }

    [Fact]
    public async Task MissingConfig_IsAUsageError()
    {
        var output = new StringWriter();
        var error = new StringWriter();

        var exit = await Commands.TransformCommand.RunAsync("/nonexistent/config.yaml", null, new StringReader(""), output, error, CancellationToken.None);

        Assert.Equal(2, exit);
        Assert.Contains("not found", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Fragment_RunsItsTransforms()
    {
        var run = await CliRunner.TransformAsync(
            File.ReadAllText(CliRunner.SeedFile("transform-route.yaml")) +
            "  value.converter: org.apache.kafka.connect.json.JsonConverter\n  value.converter.schemas.enable: false\n",
            """{"topic":"orders","partition":0,"offset":1,"key":null,"value":{"a":1}}""" + "\n",
            extension: ".yaml");

        Assert.Equal(0, run.Exit);
        Assert.Equal("""{"topic":"prod-orders","partition":0,"offset":1,"timestamp":null,"key":null,"value":{"a":1},"headers":[]}""", Assert.Single(run.Stdout));
    }

    [Fact]
    public async Task TheProgram_RunsTheTransformVerb()
    {
        var config = CliRunner.TempFile(StringSink, ".json");
        try
        {
            var (exit, stdout, stderr) = await CliRunner.ProcessAsync(
                """{"topic":"a","partition":0,"offset":1,"key":"k","value":"v"}""" + "\n", "transform", "--config", config);

            Assert.True(exit == 0, stderr);
            Assert.Equal("""{"topic":"prod-a","partition":0,"offset":1,"timestamp":null,"key":"k","value":"v","headers":[]}""", stdout.Trim());
        }
        finally
        {
            File.Delete(config);
        }
    }
}
