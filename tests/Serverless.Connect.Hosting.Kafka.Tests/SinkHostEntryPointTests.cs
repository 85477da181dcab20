using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using Serverless.Connect.Sinks.Elasticsearch.Tests.Contract;
using Serverless.Connect.TestUtilities;

namespace Serverless.Connect.Hosting.Kafka.Tests;

public sealed class SinkHostEntryPointTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("sinkhost-").FullName;
    private readonly HttpClient _http = new();

    [Fact]
    public async Task RunAsync_RunsTheConnectorFile_AndServesConnectStatus()
    {
        await using var scenario = await SinkScenario.CreateAsync(2);
        await scenario.ProduceAsync(Enumerable.Range(0, 50).Select(i => ($"k{i}", (string?)$"{{\"n\":{i}}}")));
        var (config, worker) = scenario.WriteFiles(_directory);
        var port = FreePort();
        using var stop = new CancellationTokenSource();
        using var error = new StringWriter();

        var run = SinkHost.RunAsync(config, worker, port, new SinkHostOptions(), error, stop.Token);
        await Eventually.HoldsAsync(scenario.AllCommitted, "the connector file's records are committed");
        var status = await StatusAsync(port, scenario.Name);
        await stop.CancelAsync();

        Assert.Equal(SinkHost.Stopped, await run);
        Assert.Equal(scenario.Name, status["name"]!.GetValue<string>());
        Assert.Equal("sink", status["type"]!.GetValue<string>());
        Assert.Equal("RUNNING", status["connector"]!["state"]!.GetValue<string>());
        var task = status["tasks"]!.AsArray().Single()!;
        Assert.Equal(0, task["id"]!.GetValue<int>());
        Assert.Equal("RUNNING", task["state"]!.GetValue<string>());
        Assert.Null(task["trace"]);
        Assert.Equal(50, scenario.Documents().Count);
    }

    [Fact]
    public async Task RunAsync_KeepsAFailedTaskVisibleWithItsTrace_UntilStopped()
    {
        await using var scenario = await SinkScenario.CreateAsync(1);
        scenario.Server.Faults.ItemFault = item => item.Id == "k2"
            ? new InjectedError(403, "security_exception", "action [indices:data/write/bulk[s]] is unauthorized")
            : null;
        await scenario.ProduceAsync(Enumerable.Range(0, 5).Select(i => ($"k{i}", (string?)$"{{\"n\":{i}}}")));
        var (config, worker) = scenario.WriteFiles(_directory);
        var port = FreePort();
        using var stop = new CancellationTokenSource();
        using var error = new StringWriter();

        var run = SinkHost.RunAsync(config, worker, port, new SinkHostOptions(), error, stop.Token);
        JsonNode? task = null;
        await Eventually.HoldsAsync(async () =>
        {
            task = await TaskStatusAsync(port, scenario.Name);
            return task?["state"]?.GetValue<string>() == "FAILED";
        }, "the task reports FAILED");
        await stop.CancelAsync();

        Assert.Equal(SinkHost.TaskFailed, await run);
        Assert.Contains("security_exception", task!["trace"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("security_exception", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_ReportsAConfigurationError_WithoutStarting()
    {
        var config = Path.Combine(_directory, "bad.properties");
        await File.WriteAllLinesAsync(config, ["name=bad", "connector.class=io.confluent.connect.elasticsearch.ElasticsearchSinkConnector", "topics=t"]);
        var worker = Path.Combine(_directory, "worker.properties");
        await File.WriteAllLinesAsync(worker, ["bootstrap.servers=" + TestKafka.BootstrapServers]);
        using var error = new StringWriter();

        var code = await SinkHost.RunAsync(config, worker, null, new SinkHostOptions(), error, CancellationToken.None);

        Assert.Equal(SinkHost.ConfigurationError, code);
        Assert.Contains("connection.url", error.ToString(), StringComparison.Ordinal);
    }

    public void Dispose()
    {
        _http.Dispose();
        Directory.Delete(_directory, true);
    }

    private async Task<JsonNode> StatusAsync(int port, string name)
    {
        JsonNode? status = null;
        await Eventually.HoldsAsync(async () =>
        {
            try
            {
                status = JsonNode.Parse(await _http.GetStringAsync(new Uri($"http://127.0.0.1:{port}/connectors/{name}/status")));
                return true;
            }
            catch (HttpRequestException)
            {
                return false;
            }
        }, "the status endpoint answers");
        return status!;
    }

    private async Task<JsonNode?> TaskStatusAsync(int port, string name)
    {
        try
        {
            return JsonNode.Parse(await _http.GetStringAsync(new Uri($"http://127.0.0.1:{port}/connectors/{name}/tasks/0/status")));
        }
        catch (HttpRequestException)
        {
            return null;
        }
    }

    private static int FreePort()
    {
        using var socket = new TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        return ((IPEndPoint)socket.LocalEndpoint).Port;
    }
}
