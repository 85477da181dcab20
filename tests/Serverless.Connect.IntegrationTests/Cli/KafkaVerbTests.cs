using System.Runtime.InteropServices;
using System.Text.RegularExpressions;
using Confluent.Kafka;
using Serverless.Connect.TestUtilities;

namespace Serverless.Connect.IntegrationTests.Cli;

public sealed partial class KafkaVerbTests
{
    [Fact]
    public async Task Kafka_verb_prints_bootstrap_line_serves_a_consumer_group_and_exits_0_on_SIGTERM()
    {
        await using var kafka = ConnectProcess.Start(["kafka", "--brokers", "2"]);
        var first = await kafka.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromMinutes(5));
        Assert.NotNull(first);
        var match = BootstrapLine().Match(first);
        Assert.True(match.Success, $"first line was '{first}'");
        var bootstrap = first["bootstrap.servers=".Length..];
        Assert.Equal(2, bootstrap.Split(',').Length);

        using (var producer = new ProducerBuilder<string, string>(new ProducerConfig { BootstrapServers = bootstrap, Acks = Acks.All }).Build())
        {
            for (var i = 0; i < 3; i++)
            {
                await producer.ProduceAsync("cli-topic", new Message<string, string> { Key = $"k{i}", Value = $"v{i}" });
            }
        }

        using (var consumer = new ConsumerBuilder<string, string>(new ConsumerConfig
        {
            BootstrapServers = bootstrap,
            GroupId = "cli-group",
            AutoOffsetReset = AutoOffsetReset.Earliest,
            EnableAutoCommit = false,
        }).Build())
        {
            consumer.Subscribe("cli-topic");
            var values = new List<string>();
            var deadline = DateTime.UtcNow.AddSeconds(60);
            while (values.Count < 3 && DateTime.UtcNow < deadline)
            {
                var r = consumer.Consume(TimeSpan.FromMilliseconds(500));
                if (r is not null)
                {
                    values.Add(r.Message.Value);
                    consumer.Commit(r);
                }
            }

            Assert.Equal(["v0", "v1", "v2"], values.Order());
            consumer.Close();
        }

        kafka.Signal(PosixSignal.SIGTERM);
        Assert.Equal(0, await kafka.WaitForExitAsync(TimeSpan.FromSeconds(30)));
    }

    [Fact]
    public async Task Kafka_verb_creates_requested_topics_with_their_partition_counts()
    {
        await using var kafka = ConnectProcess.Start(["kafka", "--brokers", "1", "--topic", "eight:8"]);
        var first = await kafka.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromMinutes(5));
        var bootstrap = first!["bootstrap.servers=".Length..];
        using var admin = new AdminClientBuilder(new AdminClientConfig { BootstrapServers = bootstrap }).Build();
        var metadata = admin.GetMetadata("eight", TimeSpan.FromSeconds(20));
        Assert.Equal(8, metadata.Topics.Single().Partitions.Count);

        kafka.Signal(PosixSignal.SIGINT);
        Assert.Equal(0, await kafka.WaitForExitAsync(TimeSpan.FromSeconds(30)));
    }

    [Fact]
    public async Task Control_port_survives_bad_requests_and_clients_that_hang_up()
    {
        var port = FreePort();
        await using var kafka = ConnectProcess.Start(["kafka", "--brokers", "1", "--control-port", port.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        var first = await kafka.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromMinutes(5));
        var bootstrap = first!["bootstrap.servers=".Length..];
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/"), Timeout = TimeSpan.FromSeconds(30) };

        // A partition count the mock refuses, and a client that disconnects before reading its answer.
        var refused = await http.PostAsync("topics?name=zero&partitions=0", null);
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, refused.StatusCode);
        using (var impatient = new System.Net.Sockets.TcpClient())
        {
            await impatient.ConnectAsync("127.0.0.1", port);
            var request = System.Text.Encoding.ASCII.GetBytes("POST /topics?name=gone&partitions=2 HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n");
            await impatient.GetStream().WriteAsync(request);
        }

        var created = await http.PostAsync("topics?name=after&partitions=3", null);
        Assert.Equal(System.Net.HttpStatusCode.Created, created.StatusCode);
        using var admin = new AdminClientBuilder(new AdminClientConfig { BootstrapServers = bootstrap }).Build();
        Assert.Equal(3, admin.GetMetadata("after", TimeSpan.FromSeconds(20)).Topics.Single().Partitions.Count);

        kafka.Signal(PosixSignal.SIGTERM);
        Assert.Equal(0, await kafka.WaitForExitAsync(TimeSpan.FromSeconds(30)));
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    [Fact]
    public async Task Unknown_verb_is_a_usage_error()
    {
        var (exit, _, stderr) = await ConnectProcess.RunAsync(["no-such-verb"]);
        Assert.NotEqual(0, exit);
        Assert.Contains("no-such-verb", stderr, StringComparison.Ordinal);
        Assert.Contains("--help", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_lists_the_verbs()
    {
        var (exit, stdout, _) = await ConnectProcess.RunAsync(["--help"]);
        Assert.Equal(0, exit);
        foreach (var verb in new[] { "kafka", "transform", "validate", "cdc", "sink" })
        {
            Assert.Contains(verb, stdout, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("cdc")]
    [InlineData("sink")]
    public async Task Long_running_verbs_need_a_config(string verb)
    {
        var (exit, _, stderr) = await ConnectProcess.RunAsync([verb]);
        Assert.Equal(2, exit);
        Assert.Contains("--config", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Control_port_creates_topics_with_a_partition_count_on_the_shared_cluster()
    {
        var topic = await TestKafka.CreateTopicAsync(6);
        using var admin = new AdminClientBuilder(new AdminClientConfig { BootstrapServers = TestKafka.BootstrapServers }).Build();
        var metadata = admin.GetMetadata(topic, TimeSpan.FromSeconds(20));
        Assert.Equal(6, metadata.Topics.Single().Partitions.Count);
    }

    [GeneratedRegex(@"^bootstrap\.servers=127\.0\.0\.1:\d+(,127\.0\.0\.1:\d+)*$")]
    private static partial Regex BootstrapLine();
}
