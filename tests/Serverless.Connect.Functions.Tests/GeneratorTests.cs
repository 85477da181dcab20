using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Serverless.Connect.Configuration;
using Serverless.Connect.Functions.Generation;
using Serverless.Connect.Hosting.Kafka;
using Serverless.Connect.TestUtilities;

namespace Serverless.Connect.Functions.Tests;

/// <summary>What <c>./connect generate functions</c> writes, and that the committed app in functions/ is its output.</summary>
public sealed partial class GeneratorTests : IDisposable
{
    private readonly string _out = Path.Combine(Path.GetTempPath(), "sc-generate-" + Guid.NewGuid().ToString("N")[..8]);

    private static string Repository => RepositoryPaths.Root;

    private static string Examples => Path.Combine(Repository, "examples", "connectors");

    private static string Functions => Path.Combine(Repository, "functions");

    [Fact]
    public void CommittedFunctionsApp_IsExactlyWhatTheGeneratorWritesForTheSeedConnectors()
    {
        var result = FunctionsGenerator.Generate(Examples, _out, BuiltInSinks.Create().Contains);

        foreach (var file in result.Files)
        {
            var committed = Path.Combine(Functions, file);
            Assert.True(File.Exists(committed), $"functions/{file} is missing; run ./connect generate functions --config examples/connectors --out functions");
            Assert.True(
                File.ReadAllText(committed) == File.ReadAllText(Path.Combine(_out, file)),
                $"functions/{file} differs from the generator's output; run ./connect generate functions --config examples/connectors --out functions");
        }

        var committedFolders = Directory.EnumerateDirectories(Functions).Where(d => File.Exists(Path.Combine(d, "function.json"))).Select(Path.GetFileName);
        Assert.Equal(result.Layout.Functions.Select(f => f.Name).Order(StringComparer.Ordinal), committedFolders.Order(StringComparer.Ordinal));
        Assert.Contains(result.Layout.Functions, f => f.Name == "elasticsearch-sink-orders");
        Assert.Contains(result.Layout.Functions, f => f.Name == "elasticsearch-sink-products");
    }

    [Fact]
    public void HostJson_HasTheCustomHandlerBundleKafkaSettingsAndTimeout()
    {
        FunctionsGenerator.Generate(Examples, _out, BuiltInSinks.Create().Contains);
        var host = JsonNode.Parse(File.ReadAllText(Path.Combine(_out, "host.json")))!;

        Assert.Equal("2.0", host["version"]!.GetValue<string>());
        Assert.Equal("bin/Serverless.Connect.Functions", host["customHandler"]!["description"]!["defaultExecutablePath"]!.GetValue<string>());
        Assert.Equal("Microsoft.Azure.Functions.ExtensionBundle", host["extensionBundle"]!["id"]!.GetValue<string>());
        Assert.Equal("[4.37.0, 5.0.0)", host["extensionBundle"]!["version"]!.GetValue<string>());
        var kafka = host["extensions"]!["kafka"]!;
        Assert.Equal(500, kafka["maxBatchSize"]!.GetValue<int>());
        Assert.False(kafka["commitOnFailure"]!.GetValue<bool>());
        Assert.Equal(-1, kafka["maxRetries"]!.GetValue<int>());
        Assert.Equal("00:10:00", host["functionTimeout"]!.GetValue<string>());
    }

    [Fact]
    public void FunctionJson_HasTheKafkaTriggerFromAppSettings_AndTheRetryPolicy()
    {
        FunctionsGenerator.Generate(Examples, _out, BuiltInSinks.Create().Contains);
        var function = JsonNode.Parse(File.ReadAllText(Path.Combine(_out, "elasticsearch-sink-orders", "function.json")))!;

        var trigger = Assert.Single(function["bindings"]!.AsArray())!;
        Assert.Equal("kafkaTrigger", trigger["type"]!.GetValue<string>());
        Assert.Equal("in", trigger["direction"]!.GetValue<string>());
        Assert.Equal("events", trigger["name"]!.GetValue<string>());
        Assert.Equal("many", trigger["cardinality"]!.GetValue<string>());
        Assert.Equal("string", trigger["dataType"]!.GetValue<string>());
        Assert.Equal("%KafkaBootstrapServers%", trigger["brokerList"]!.GetValue<string>());
        Assert.Equal("%elasticsearch_sink_orders_Topic%", trigger["topic"]!.GetValue<string>());
        Assert.Equal("%elasticsearch_sink_ConsumerGroup%", trigger["consumerGroup"]!.GetValue<string>());
        Assert.Null(trigger["protocol"]);
        Assert.Null(trigger["password"]);
        var retry = function["retry"]!;
        Assert.Equal("exponentialBackoff", retry["strategy"]!.GetValue<string>());
        Assert.Equal(-1, retry["maxRetryCount"]!.GetValue<int>());
        Assert.Equal("00:00:01", retry["minimumInterval"]!.GetValue<string>());
        Assert.Equal("00:05:00", retry["maximumInterval"]!.GetValue<string>());
        Assert.True(File.Exists(Path.Combine(_out, "connectors", "elasticsearch-sink.yaml")));
        Assert.True(File.Exists(Path.Combine(_out, "connectors", "kafka-connect.yaml")));
        Assert.False(File.Exists(Path.Combine(_out, "connectors", "postgres-source.yaml")));
    }

    [Fact]
    public void SaslWorker_AddsProtocolAuthenticationModeAndCredentialSettings()
    {
        var config = WriteConfig(
            """
            apiVersion: kafka.strimzi.io/v1beta2
            kind: KafkaConnect
            metadata:
              name: secure
            spec:
              bootstrapServers: broker:9093
              tls:
                trustedCertificates:
                  - secretName: cluster-ca
                    certificate: ca.crt
              authentication:
                type: scram-sha-512
                username: connect
                passwordSecret:
                  secretName: connect-user
                  password: password
            ---
            apiVersion: kafka.strimzi.io/v1beta2
            kind: KafkaConnector
            metadata:
              name: es
              labels:
                strimzi.io/cluster: secure
            spec:
              class: io.confluent.connect.elasticsearch.ElasticsearchSinkConnector
              config:
                topics: a.b
                connection.url: http://es:9200
            """);

        FunctionsGenerator.Generate(config, _out, BuiltInSinks.Create().Contains);

        var trigger = JsonNode.Parse(File.ReadAllText(Path.Combine(_out, "es-a_b", "function.json")))!["bindings"]![0]!;
        Assert.Equal("SaslSsl", trigger["protocol"]!.GetValue<string>());
        Assert.Equal("ScramSha512", trigger["authenticationMode"]!.GetValue<string>());
        Assert.Equal("%KafkaUsername%", trigger["username"]!.GetValue<string>());
        Assert.Equal("%KafkaPassword%", trigger["password"]!.GetValue<string>());
        Assert.Equal("%es_a_b_Topic%", trigger["topic"]!.GetValue<string>());
    }

    [Fact]
    public void RemovedConnector_RemovesItsFunctionFolderAndFile()
    {
        var config = WriteConfig(Connector("one", "t1") + "---\n" + Connector("two", "t2"));
        FunctionsGenerator.Generate(config, _out, BuiltInSinks.Create().Contains);
        Assert.True(Directory.Exists(Path.Combine(_out, "two-t2")));

        File.WriteAllText(config, Connector("one", "t1"));
        var again = Path.Combine(Path.GetDirectoryName(config)!, "renamed.yaml");
        File.Move(config, again);
        FunctionsGenerator.Generate(again, _out, BuiltInSinks.Create().Contains);

        Assert.True(Directory.Exists(Path.Combine(_out, "one-t1")));
        Assert.False(Directory.Exists(Path.Combine(_out, "two-t2")));
        Assert.Equal(["renamed.yaml"], Directory.EnumerateFiles(Path.Combine(_out, "connectors")).Select(Path.GetFileName));
    }

    [Fact]
    public void TopicsRegex_IsRejectedWithTheKey()
    {
        var config = WriteConfig(Connector("re", null).Replace("topics: null", "topics.regex: orders.*", StringComparison.Ordinal));

        var e = Assert.Throws<ConfigException>(() => FunctionsGenerator.Generate(config, _out, BuiltInSinks.Create().Contains));

        Assert.Equal("topics.regex", e.Key);
        Assert.Contains("list them in topics", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AvroValueConverter_IsRejected_BecauseTheTriggerDeliversText()
    {
        var config = WriteConfig(Connector("avro", "t")
            + "    value.converter: io.confluent.connect.avro.AvroConverter\n    value.converter.schema.registry.url: http://sr:8081\n");

        var e = Assert.Throws<ConfigException>(() => FunctionsGenerator.Generate(config, _out, BuiltInSinks.Create().Contains));

        Assert.Equal("value.converter", e.Key);
        Assert.Contains("./connect sink", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LocalSettingsSample_DefinesEverySettingTheFunctionsReference()
    {
        var sample = JsonNode.Parse(File.ReadAllText(Path.Combine(Repository, "local.settings.sample.json")))!["Values"]!.AsObject();
        Assert.Equal("custom", sample["FUNCTIONS_WORKER_RUNTIME"]!.GetValue<string>());
        Assert.Equal("UseDevelopmentStorage=true", sample["AzureWebJobsStorage"]!.GetValue<string>());

        var referenced = Directory.EnumerateFiles(Functions, "function.json", SearchOption.AllDirectories)
            .Where(f => !f.Contains("/bin/", StringComparison.Ordinal) && !f.Contains("/obj/", StringComparison.Ordinal))
            .SelectMany(f => Setting().Matches(File.ReadAllText(f)).Select(m => m.Groups[1].Value))
            .Distinct(StringComparer.Ordinal).ToList();
        Assert.NotEmpty(referenced);
        foreach (var setting in referenced)
        {
            Assert.True(sample.ContainsKey(setting), $"local.settings.sample.json has no {setting}");
        }

        Assert.Equal("connect-elasticsearch-sink", sample["elasticsearch_sink_ConsumerGroup"]!.GetValue<string>());
        Assert.Equal("orders", sample["elasticsearch_sink_orders_Topic"]!.GetValue<string>());
    }

    public void Dispose()
    {
        foreach (var directory in (string[])[_out, _out + "-config"])
        {
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }
    }

    private static string Connector(string name, string? topic) =>
        $"""
        apiVersion: kafka.strimzi.io/v1beta2
        kind: KafkaConnector
        metadata:
          name: {name}
        spec:
          class: io.confluent.connect.elasticsearch.ElasticsearchSinkConnector
          config:
            topics: {topic ?? "null"}
            connection.url: http://es:9200

        """;

    private string WriteConfig(string yaml)
    {
        var directory = _out + "-config";
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, "connectors.yaml");
        File.WriteAllText(path, yaml);
        return path;
    }

    [GeneratedRegex("\"%([A-Za-z0-9_]+)%\"")]
    private static partial Regex Setting();
}
