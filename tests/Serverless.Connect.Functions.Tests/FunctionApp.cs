using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json.Nodes;
using Confluent.Kafka;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Serverless.Connect.Functions.Generation;
using Serverless.Connect.Sinks.Elasticsearch.Tests.Contract;
using Serverless.Connect.TestUtilities;

namespace Serverless.Connect.Functions.Tests;

/// <summary>
/// One test's topic, Elasticsearch contract server, connector file and running handler (the real app through the
/// ASP.NET test host), plus helpers to produce records to the embedded Kafka and turn them into host invocations.
/// </summary>
internal sealed class FunctionApp : IAsyncDisposable
{
    private readonly string _root;
    private WebApplicationFactory<Program>? _factory;
    private HttpClient? _client;

    private FunctionApp(string topic, int partitions, string name)
    {
        Topic = topic;
        Partitions = partitions;
        Name = name;
        _root = Path.Combine(Path.GetTempPath(), "sc-functions-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(Path.Combine(_root, "connectors"));
        Settings = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["topics"] = topic,
            ["connection.url"] = Server.Url.AbsoluteUri.TrimEnd('/'),
            ["key.converter"] = "org.apache.kafka.connect.storage.StringConverter",
            ["value.converter"] = "org.apache.kafka.connect.json.JsonConverter",
            ["value.converter.schemas.enable"] = "false",
            ["schema.ignore"] = "true",
            ["behavior.on.null.values"] = "delete",
            ["max.retries"] = "2",
            ["retry.backoff.ms"] = "5",
        };
    }

    public string Topic { get; }

    public int Partitions { get; }

    public string Name { get; }

    public string FunctionName => FunctionNames.Function(Name, Topic);

    public ElasticsearchContractServer Server { get; } = new();

    /// <summary>The connector's config (written to connectors/ when the app starts).</summary>
    public Dictionary<string, string> Settings { get; }

    /// <summary>App settings beyond the connectors path and the brokers.</summary>
    public Dictionary<string, string> AppSettings { get; } = new(StringComparer.Ordinal);

    public string ConnectorsPath => Path.Combine(_root, "connectors");

    /// <summary>The sinks the app runs; the built-in ones when null.</summary>
    public Runtime.Sinks.SinkConnectorRegistry? Sinks { get; set; }

    public HttpClient Client => _client ??= Start();

    /// <summary>
    /// A test's app on a fresh topic. The topic is auto-created by the first produce (the embedded cluster gives it 4
    /// partitions, enough for every test here), so tests do not depend on the cluster's control port.
    /// </summary>
    public static Task<FunctionApp> CreateAsync(int partitions = 1, [CallerMemberName] string caller = "")
    {
        Assert.InRange(partitions, 1, 4);
        return Task.FromResult(new FunctionApp(TestKafka.UniqueTopic(caller), partitions, TestNames.Unique("c", caller, '-', 24)));
    }

    /// <summary>Writes the connector as a Strimzi KafkaConnector, the way a user's file looks.</summary>
    public void WriteConnector(string? className = null)
    {
        var yaml = new StringBuilder()
            .Append("apiVersion: kafka.strimzi.io/v1beta2\nkind: KafkaConnector\nmetadata:\n  name: ").Append(Name)
            .Append("\nspec:\n  class: ").Append(className ?? "io.confluent.connect.elasticsearch.ElasticsearchSinkConnector")
            .Append("\n  tasksMax: 1\n  config:\n");
        foreach (var (key, value) in Settings)
        {
            yaml.Append("    ").Append(key).Append(": \"").Append(value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)).Append("\"\n");
        }

        File.WriteAllText(Path.Combine(ConnectorsPath, Name + ".yaml"), yaml.ToString());
    }

    public async Task<(int Status, JsonObject Body)> InvokeAsync(string body, string? functionName = null)
    {
        using var request = HostFormat.Request(functionName ?? FunctionName, body);
        using var response = await Client.SendAsync(request);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var text = await response.Content.ReadAsStringAsync();
        return ((int)response.StatusCode, JsonNode.Parse(text)!.AsObject());
    }

    public Task<(int Status, JsonObject Body)> InvokeAsync(IReadOnlyList<ConsumeResult<byte[]?, byte[]?>> records, int extraEncodings = 0, int retryCount = 0) =>
        InvokeAsync(HostFormat.Body(FunctionName, [.. records.Select(HostFormat.EventJson)], extraEncodings, retryCount));

    /// <summary>Produces records (to partition 0 unless told) and reads them back, as the trigger would consume them.</summary>
    public async Task<List<ConsumeResult<byte[]?, byte[]?>>> ProduceAndConsumeAsync(
        IEnumerable<(string Key, string? Value)> records, int? partition = null, IReadOnlyList<(string Key, byte[] Value)>? headers = null)
    {
        var list = records.ToList();
        using (var producer = TestKafka.CreateProducer())
        {
            foreach (var (key, value) in list)
            {
                var message = new Message<byte[]?, byte[]?>
                {
                    Key = Encoding.UTF8.GetBytes(key),
                    Value = value is null ? null : Encoding.UTF8.GetBytes(value),
                    Headers = new Headers(),
                };
                foreach (var (name, bytes) in headers ?? [])
                {
                    message.Headers.Add(name, bytes);
                }

                producer.Produce(new TopicPartition(Topic, partition ?? 0), message);
            }

            await Task.Run(() => producer.Flush(TimeSpan.FromSeconds(30)));
        }

        return ReadTopic(Topic, list.Count, fromBeginning: false);
    }

    private readonly Dictionary<int, long> _read = [];

    /// <summary>Reads <paramref name="expected"/> records of a topic (each partition continuing after what this app read before).</summary>
    public List<ConsumeResult<byte[]?, byte[]?>> ReadTopic(string topic, int expected, bool fromBeginning = true)
    {
        using var consumer = TestKafka.CreateConsumer(TestKafka.UniqueGroup());
        consumer.Subscribe(topic);
        var records = new List<ConsumeResult<byte[]?, byte[]?>>();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (records.Count < expected && DateTime.UtcNow < deadline)
        {
            if (consumer.Consume(TimeSpan.FromMilliseconds(200)) is { IsPartitionEOF: false } record)
            {
                if (fromBeginning || record.Offset.Value >= _read.GetValueOrDefault(record.Partition.Value))
                {
                    records.Add(record);
                }
            }
        }

        if (!fromBeginning)
        {
            foreach (var record in records)
            {
                _read[record.Partition.Value] = Math.Max(_read.GetValueOrDefault(record.Partition.Value), record.Offset.Value + 1);
            }
        }
        else if (consumer.Consume(TimeSpan.FromSeconds(1)) is { IsPartitionEOF: false } extra)
        {
            // One more poll shows nothing unexpected follows.
            records.Add(extra);
        }

        consumer.Close();
        return records;
    }

    public Dictionary<string, JsonObject> Documents() => Server.Cluster.Read(indices =>
        indices.TryGetValue(Topic, out var index)
            ? index.Live.ToDictionary(d => d.Key, d => d.Value.Source!.DeepClone().AsObject(), StringComparer.Ordinal)
            : new Dictionary<string, JsonObject>(StringComparer.Ordinal));

    public async ValueTask DisposeAsync()
    {
        _client?.Dispose();
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }

        await Server.DisposeAsync();
        Directory.Delete(_root, recursive: true);
    }

    private HttpClient Start()
    {
        if (!Directory.EnumerateFiles(ConnectorsPath).Any())
        {
            WriteConnector();
        }

        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseContentRoot(_root);
            builder.UseSetting("CONNECT_CONNECTORS_PATH", ConnectorsPath);
            builder.UseSetting(FunctionNames.BootstrapServersSetting, TestKafka.BootstrapServers);
            foreach (var (key, value) in AppSettings)
            {
                builder.UseSetting(key, value);
            }

            if (Sinks is { } sinks)
            {
                builder.ConfigureServices(services => services.AddSingleton(sinks));
            }
        });
        return _factory.CreateClient();
    }
}
