using System.Globalization;
using System.Net;
using Confluent.Kafka;
using Serverless.Connect.Kafka.Mock;

namespace Serverless.Connect.Cli.Commands;

/// <summary>
/// An optional HTTP control port for the embedded cluster. librdkafka's mock brokers have no CreateTopics handler and
/// fault injection is a C API, so other processes (tests, the demo, the reliability suite) reach them through here:
/// <list type="bullet">
/// <item><c>POST /topics?name=T&amp;partitions=N[&amp;replication=R]</c> creates a topic (409 if it exists).</item>
/// <item><c>POST /brokers/{id}/down</c> and <c>POST /brokers/{id}/up</c>.</item>
/// <item><c>POST /errors?api=K&amp;codes=C1,C2</c> makes the next requests of Kafka ApiKey K fail with those error codes;
/// <c>DELETE /errors?api=K</c> clears them.</item>
/// </list>
/// </summary>
internal sealed class KafkaControlServer : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly MockKafkaCluster _cluster;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    public KafkaControlServer(MockKafkaCluster cluster, int port)
    {
        _cluster = cluster;
        _listener.Prefixes.Add($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}/");
        _listener.Start();
        _loop = Task.Run(() => RunAsync(_stop.Token));
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try
        {
            await _loop;
        }
        catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or OperationCanceledException)
        {
        }

        _listener.Close();
        _stop.Dispose();
    }

    private async Task RunAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync().WaitAsync(cancellationToken);
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or OperationCanceledException)
            {
                return;
            }

            // One request per task: a slow native call or a client that went away must not stop the control port.
            _ = Task.Run(() => RespondAsync(context, cancellationToken), CancellationToken.None);
        }
    }

    private async Task RespondAsync(HttpListenerContext context, CancellationToken cancellationToken)
    {
        try
        {
            int status;
            string body;
            try
            {
                (status, body) = Handle(context.Request);
            }
            catch (Exception ex) when (ex is ArgumentException or InvalidOperationException)
            {
                // ObjectDisposedException (the cluster is stopping) is an InvalidOperationException.
                (status, body) = (400, ex.Message);
            }

            context.Response.StatusCode = status;
            context.Response.ContentType = "text/plain; charset=utf-8";
            var bytes = System.Text.Encoding.UTF8.GetBytes(body + "\n");
            await context.Response.OutputStream.WriteAsync(bytes, cancellationToken);
            context.Response.Close();
        }
        catch (Exception ex) when (ex is HttpListenerException or IOException or ObjectDisposedException or OperationCanceledException)
        {
            // The client gave up; nothing to answer.
            context.Response.Abort();
        }
    }

    private (int Status, string Body) Handle(HttpListenerRequest request)
    {
        var path = request.Url?.AbsolutePath.TrimEnd('/') ?? string.Empty;
        var query = request.QueryString;
        try
        {
            switch (request.HttpMethod, path.Split('/', StringSplitOptions.RemoveEmptyEntries))
            {
                case ("POST", ["topics"]):
                    var name = query["name"];
                    if (string.IsNullOrEmpty(name) || !int.TryParse(query["partitions"] ?? "1", CultureInfo.InvariantCulture, out var partitions))
                    {
                        return (400, "name and partitions are required");
                    }

                    var replication = int.TryParse(query["replication"], CultureInfo.InvariantCulture, out var rf) ? rf : Math.Min(3, _cluster.BrokerCount);
                    _cluster.CreateTopic(name, partitions, replication);
                    return (201, $"created {name} with {partitions} partitions");
                case ("POST", ["brokers", var id, "down"]):
                    _cluster.SetBrokerDown(int.Parse(id, CultureInfo.InvariantCulture));
                    return (200, $"broker {id} down");
                case ("POST", ["brokers", var id, "up"]):
                    _cluster.SetBrokerUp(int.Parse(id, CultureInfo.InvariantCulture));
                    return (200, $"broker {id} up");
                case ("POST", ["errors"]):
                    var codes = (query["codes"] ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries)
                        .Select(c => (ErrorCode)int.Parse(c, CultureInfo.InvariantCulture)).ToArray();
                    _cluster.PushRequestErrors(short.Parse(query["api"] ?? "0", CultureInfo.InvariantCulture), codes);
                    return (200, $"pushed {codes.Length} errors");
                case ("DELETE", ["errors"]):
                    _cluster.ClearRequestErrors(short.Parse(query["api"] ?? "0", CultureInfo.InvariantCulture));
                    return (200, "cleared");
                default:
                    return (404, "unknown control request");
            }
        }
        catch (KafkaException ex) when (ex.Error.Code == ErrorCode.TopicAlreadyExists)
        {
            return (409, ex.Message);
        }
        catch (Exception ex) when (ex is KafkaException or FormatException or OverflowException)
        {
            return (400, ex.Message);
        }
    }
}
