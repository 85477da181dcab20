namespace Serverless.Connect.Cli.Tests;

public sealed class ValidateCommandTests
{
    [Theory]
    [InlineData("transforms-section.yaml")]
    [InlineData("transform-extract-field.yaml")]
    [InlineData("transform-insert-time.yaml")]
    [InlineData("transform-route.yaml")]
    [InlineData("transform-filter.yaml")]
    [InlineData("transform-unwrap.yaml")]
    [InlineData("transform-outbox.yaml")]
    [InlineData("dead-letter-queue.yaml")]
    public async Task SeedFragments_AreValid(string file)
    {
        var (exit, stdout, stderr) = await CliRunner.ValidateAsync(CliRunner.SeedFile(file));

        Assert.True(exit == 0, stdout + stderr);
        Assert.Equal(string.Empty, stdout);
    }

    [Fact]
    public async Task ElasticsearchSink_IsValid_WithAWarningForTheRemovedTypeName()
    {
        var (exit, stdout, stderr) = await CliRunner.ValidateAsync(CliRunner.SeedFile("elasticsearch-sink.yaml"));

        Assert.True(exit == 0, stdout + stderr);
        Assert.Contains("type.name", stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("postgres-source.yaml")]
    [InlineData("outbox-connector.yaml")]
    public async Task SeedSourceConnectors_AreValid_WithTheirDebeziumTransforms(string file)
    {
        var (exit, stdout, stderr) = await CliRunner.ValidateAsync(CliRunner.SeedFile(file));

        Assert.True(exit == 0, stdout + stderr);
        Assert.Contains("${secrets:postgres:password}", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnregisteredConnectorClass_IsRejected_ListingTheRegisteredOnes()
    {
        var path = CliRunner.TempFile(
            """{"name":"jdbc","config":{"connector.class":"io.confluent.connect.jdbc.JdbcSinkConnector","topics":"events"}}""", ".json");
        try
        {
            var (exit, stdout, _) = await CliRunner.ValidateAsync(path);

            Assert.Equal(1, exit);
            Assert.Contains(
                "connector.class: Failed to find any class that implements Connector and which name matches io.confluent.connect.jdbc.JdbcSinkConnector, " +
                "available connectors are: io.confluent.connect.elasticsearch.ElasticsearchSinkConnector, io.confluent.connect.s3.S3SinkConnector, io.debezium.connector.postgresql.PostgresConnector",
                stdout,
                StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task UnknownTransformType_ListsTheSupportedOnes()
    {
        var path = CliRunner.TempFile("transforms: x\ntransforms.x.type: org.example.Nope\n", ".properties");
        try
        {
            var (exit, stdout, _) = await CliRunner.ValidateAsync(path);

            Assert.Equal(1, exit);
            var line = Assert.Single(stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries));
            Assert.StartsWith("transforms.x.type: ", line, StringComparison.Ordinal);
            Assert.Contains("org.apache.kafka.connect.transforms.RegexRouter", line, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task InvalidValues_ArePrintedOnePerLine_NamingTheKey()
    {
        var path = CliRunner.TempFile(
            """
            {"name":"bad","config":{"connector.class":"io.confluent.connect.elasticsearch.ElasticsearchSinkConnector","topics":"orders",
            "connection.url":"http://localhost:9200","errors.tolerance":"sometimes","errors.retry.timeout":"soon"}}
            """,
            ".json");
        try
        {
            var (exit, stdout, _) = await CliRunner.ValidateAsync(path);

            Assert.Equal(1, exit);
            var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.Contains(lines, l => l.StartsWith("errors.tolerance: ", StringComparison.Ordinal));
            Assert.Contains(lines, l => l.StartsWith("errors.retry.timeout: ", StringComparison.Ordinal));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task AvroConverter_IsRegistered_AndItsSettingsChecked()
    {
        var path = CliRunner.TempFile(
            """
            {"name":"avro","config":{"connector.class":"io.confluent.connect.elasticsearch.ElasticsearchSinkConnector","topics":"orders",
            "connection.url":"http://localhost:9200","value.converter":"io.confluent.connect.avro.AvroConverter",
            "value.converter.schema.registry.url":"http://schema-registry:8081"}}
            """,
            ".json");
        try
        {
            var (exit, stdout, stderr) = await CliRunner.ValidateAsync(path);

            Assert.True(exit == 0, stdout + stderr);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task UnknownConverter_ListsTheSupportedOnes()
    {
        var path = CliRunner.TempFile("config:\n  key.converter: org.example.Nope\n", ".yaml");
        try
        {
            var (exit, stdout, _) = await CliRunner.ValidateAsync(path);

            Assert.Equal(1, exit);
            Assert.StartsWith("key.converter: ", stdout, StringComparison.Ordinal);
            Assert.Contains("io.confluent.connect.avro.AvroConverter, org.apache.kafka.connect.converters.ByteArrayConverter", stdout, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task WorkerFile_IsValidatedAsAWorker()
    {
        var (exit, stdout, stderr) = await CliRunner.ValidateAsync(CliRunner.SeedFile("kafka-connect.yaml"));

        Assert.True(exit == 0, stdout + stderr);
    }

    [Fact]
    public async Task IgnoredConverterSettings_AreWarnedAbout()
    {
        var path = CliRunner.TempFile(
            """
            {"name":"w","config":{"connector.class":"io.confluent.connect.elasticsearch.ElasticsearchSinkConnector","topics":"orders",
            "connection.url":"http://localhost:9200","value.converter.schemas.enable":"false"}}
            """,
            ".json");
        try
        {
            var (exit, _, stderr) = await CliRunner.ValidateAsync(path);

            Assert.Equal(0, exit);
            Assert.Contains("warning: value.converter.schemas.enable: ignored", stderr, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task MultiLineMessages_StayOnOneLinePerProblem()
    {
        var path = CliRunner.TempFile("transforms: r\ntransforms.r.type: RegexRouter\ntransforms.r.regex: (\n", ".properties");
        try
        {
            var (exit, stdout, _) = await CliRunner.ValidateAsync(path);

            Assert.Equal(1, exit);
            var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal(2, lines.Length);
            Assert.StartsWith("transforms.r.regex: ", lines[0], StringComparison.Ordinal);
            Assert.StartsWith("transforms.r.replacement: ", lines[1], StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task TheProgram_RunsTheValidateVerb()
    {
        var (exit, stdout, stderr) = await CliRunner.ProcessAsync(string.Empty, "validate", "--config", CliRunner.SeedFile("transform-route.yaml"));

        Assert.True(exit == 0, stdout + stderr);
    }
}
