using System.Net;
using System.Text;
using System.Text.Json;
using Serverless.Connect.Hosting.Kafka.Metrics;

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
                    json.WriteStartObject();
                    json.WriteString("version", typeof(StatusServer).Assembly.GetName().Version?.ToString() ?? "0");
                    json.WriteEndObject();
                    break;
                case ("GET", ["connectors"]):
                    json.WriteStartArray();
                    json.WriteStringValue(name);
                    json.WriteEndArray();
                    break;
                case ("GET", ["connectors", var n, "status"]) when n == name:
                    json.WriteStartObject();
                    json.WriteString("name", name);
                    json.WriteStartObject("connector");
                    json.WriteString("state", status.State == SinkTaskState.Failed ? "RUNNING" : status.StateName);
                    json.WriteString("worker_id", status.WorkerId);
                    json.WriteEndObject();
                    json.WriteStartArray("tasks");
                    WriteTask(json, status);
                    json.WriteEndArray();
                    json.WriteString("type", "sink");
                    json.WriteEndObject();
                    break;
                case ("GET", ["connectors", var n, "tasks", "0", "status"]) when n == name:
                    WriteTask(json, status);
                    break;
                default:
                    code = 404;
                    json.WriteStartObject();
                    json.WriteNumber("error_code", 404);
                    json.WriteString("message", segments.Length >= 2 && segments[0] == "connectors"
                        ? $"Connector {segments[1]} not found"
                        : "HTTP 404 Not Found");
                    json.WriteEndObject();
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

    private static void WriteTask(Utf8JsonWriter json, SinkTaskStatus status)
    {
        json.WriteStartObject();
        json.WriteNumber("id", 0);
        json.WriteString("state", status.StateName);
        json.WriteString("worker_id", status.WorkerId);
        if (!string.IsNullOrEmpty(status.Trace))
        {
            json.WriteString("trace", status.Trace);
        }

        json.WriteEndObject();
    }
}
