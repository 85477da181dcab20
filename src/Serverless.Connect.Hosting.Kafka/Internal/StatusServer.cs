using System.Net;
using System.Text;
using System.Text.Json;
using Serverless.Connect.Hosting.Kafka.Metrics;
using Serverless.Connect.Runtime.Status;

namespace Serverless.Connect.Hosting.Kafka.Internal;

/// <summary>
/// The read-only part of Connect's REST API for the one connector of this process: <c>GET /</c>, <c>/connectors</c>,
/// <c>/connectors/{name}/status</c> and <c>/connectors/{name}/tasks/0/status</c>, in Connect's JSON shapes, and
/// <c>GET /metrics</c> in Prometheus' text format.
/// </summary>
internal sealed class StatusServer : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly StandaloneSinkHost _host;
    private readonly Task _loop;

    public StatusServer(StandaloneSinkHost host, int port)
    {
        _host = host;
        _listener.Prefixes.Add($"http://*:{port}/");
        _listener.Start();
        _loop = Task.Run(AcceptLoopAsync);
    }

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        await _loop.ConfigureAwait(false);
        _listener.Close();
    }

    private async Task AcceptLoopAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync().ConfigureAwait(false);
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            await RespondAsync(context).ConfigureAwait(false);
        }
    }

    private async Task RespondAsync(HttpListenerContext context)
    {
        var segments = context.Request.Url!.AbsolutePath.Trim('/').Split('/', StringSplitOptions.RemoveEmptyEntries)
            .Select(Uri.UnescapeDataString).ToArray();
        if (context.Request.HttpMethod == "GET" && segments is ["metrics"])
        {
            await SendAsync(context, 200, PrometheusTextWriter.ContentType, Encoding.UTF8.GetBytes(_host.GetPrometheusMetrics())).ConfigureAwait(false);
            return;
        }

        var name = _host.ConnectorName;
        var status = _host.Status;
        using var body = new MemoryStream();
        var code = 200;
        using (var json = new Utf8JsonWriter(body))
        {
            switch (context.Request.HttpMethod, segments)
            {
                case ("GET", []):
                    ConnectStatusJson.WriteServerInfo(json);
                    break;
                case ("GET", ["connectors"]):
                    ConnectStatusJson.WriteConnectorNames(json, [name]);
                    break;
                case ("GET", ["connectors", var n, "status"]) when n == name:
                    ConnectStatusJson.WriteConnectorStatus(
                        json, name, status.State == SinkTaskState.Failed ? "RUNNING" : status.StateName, status.WorkerId, [TaskOf(status)], "sink");
                    break;
                case ("GET", ["connectors", var n, "tasks", "0", "status"]) when n == name:
                    ConnectStatusJson.WriteTaskStatus(json, TaskOf(status));
                    break;
                default:
                    code = 404;
                    ConnectStatusJson.WriteNotFound(json, segments);
                    break;
            }
        }

        await SendAsync(context, code, "application/json", body.ToArray()).ConfigureAwait(false);
    }

    private static async Task SendAsync(HttpListenerContext context, int code, string contentType, byte[] body)
    {
        try
        {
            context.Response.StatusCode = code;
            context.Response.ContentType = contentType;
            context.Response.ContentLength64 = body.Length;
            await context.Response.OutputStream.WriteAsync(body).ConfigureAwait(false);
            context.Response.Close();
        }
        catch (HttpListenerException)
        {
            context.Response.Abort();
        }
    }

    private static ConnectTaskStatus TaskOf(SinkTaskStatus status) => new(0, status.StateName, status.WorkerId, status.Trace);
}
