using System.Globalization;
using System.Net;
using System.Text.Json;
using Serverless.Connect.Runtime.Status;

namespace Serverless.Connect.CdcReader.Internal;

/// <summary>
/// <c>--http-port</c>: the read-only part of Connect's REST API (<c>GET /</c>, <c>/connectors</c>,
/// <c>/connectors/{name}/status</c>, <c>/connectors/{name}/tasks/0/status</c>), <c>GET /health</c> (delivery progress)
/// and <c>GET /metrics</c> (Prometheus text format), on every interface.
/// </summary>
internal sealed class StatusServer : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly IReadOnlyList<CdcConnector> _connectors;
    private readonly CdcMetricsExporter _metrics;
    private readonly string _workerId;
    private readonly Task _loop;

    private StatusServer(int port, IReadOnlyList<CdcConnector> connectors, CdcMetricsExporter metrics)
    {
        _connectors = connectors;
        _metrics = metrics;
        _workerId = string.Create(CultureInfo.InvariantCulture, $"{Environment.MachineName}:{port}");
        _listener.Prefixes.Add(string.Create(CultureInfo.InvariantCulture, $"http://*:{port}/"));
        _listener.Start();
        _loop = Task.Run(ServeAsync);
    }

    public static StatusServer Start(int port, IReadOnlyList<CdcConnector> connectors, CdcMetricsExporter metrics) => new(port, connectors, metrics);

    public void Dispose()
    {
        _listener.Close();
        _loop.Wait(TimeSpan.FromSeconds(5));
    }

    private async Task ServeAsync()
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

            try
            {
                await RespondAsync(context).ConfigureAwait(false);
            }
            catch (Exception e) when (e is HttpListenerException or IOException or ObjectDisposedException)
            {
                context.Response.Abort();
            }
        }
    }

    private async Task RespondAsync(HttpListenerContext context)
    {
        using var response = context.Response;
        var segments = context.Request.Url!.AbsolutePath.Trim('/').Split('/', StringSplitOptions.RemoveEmptyEntries)
            .Select(Uri.UnescapeDataString).ToArray();
        using var body = new MemoryStream();
        if (context.Request.HttpMethod == "GET" && segments is ["metrics"])
        {
            await _metrics.ExportAsync(body).ConfigureAwait(false);
            response.ContentType = "text/plain; version=0.0.4; charset=utf-8";
        }
        else
        {
            response.StatusCode = WriteJson(body, context.Request.HttpMethod, segments);
            response.ContentType = "application/json";
        }

        response.ContentLength64 = body.Length;
        await response.OutputStream.WriteAsync(body.GetBuffer().AsMemory(0, (int)body.Length)).ConfigureAwait(false);
    }

    private int WriteJson(Stream body, string method, string[] segments)
    {
        using var json = new Utf8JsonWriter(body);
        switch (method, segments)
        {
            case ("GET", []):
                ConnectStatusJson.WriteServerInfo(json);
                return 200;
            case ("GET", ["health"]):
                WriteHealth(json);
                return 200;
            case ("GET", ["connectors"]):
                ConnectStatusJson.WriteConnectorNames(json, _connectors.Select(c => c.Source.Config.Name));
                return 200;
            case ("GET", ["connectors", var name, "status"]) when Find(name) is { } connector:
                ConnectStatusJson.WriteConnectorStatus(json, name, ConnectorState(connector.Status), _workerId, [TaskOf(connector.Status)], "source");
                return 200;
            case ("GET", ["connectors", var name, "tasks", "0", "status"]) when Find(name) is { } connector:
                ConnectStatusJson.WriteTaskStatus(json, TaskOf(connector.Status));
                return 200;
            default:
                ConnectStatusJson.WriteNotFound(json, segments);
                return 404;
        }
    }

    private void WriteHealth(Utf8JsonWriter json)
    {
        json.WriteStartArray();
        foreach (var c in _connectors)
        {
            json.WriteStartObject();
            json.WriteString("name", c.Source.Config.Name);
            json.WriteString("state", c.Status.State.ToString().ToUpperInvariant());
            json.WriteNumber("delivered", c.DeliveredCount);
            json.WriteString("acknowledgedLsn", c.SafeLsn.ToString(CultureInfo.InvariantCulture));
            json.WriteString("confirmedLsn", c.Source.ConfirmedLsn.ToString(CultureInfo.InvariantCulture));
            json.WriteNumber("reconnects", c.Metrics.Reconnects);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private CdcConnector? Find(string name) => _connectors.FirstOrDefault(c => c.Source.Config.Name == name);

    // As in Connect, the connector stays RUNNING while its task fails or waits for work.
    private static string ConnectorState(CdcConnectorStatus status) => status.State switch
    {
        CdcConnectorState.Failed or CdcConnectorState.Standby => "RUNNING",
        _ => status.ConnectStateName,
    };

    private ConnectTaskStatus TaskOf(CdcConnectorStatus status) => new(0, status.ConnectStateName, _workerId, status.Trace);
}
