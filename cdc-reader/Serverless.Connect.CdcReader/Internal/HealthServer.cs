using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;

namespace Serverless.Connect.CdcReader.Internal;

/// <summary>A tiny <c>GET /health</c> endpoint on 127.0.0.1 reporting each connector's delivery progress.</summary>
internal sealed class HealthServer : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly IReadOnlyList<CdcConnector> _connectors;
    private readonly Task _loop;

    private HealthServer(int port, IReadOnlyList<CdcConnector> connectors)
    {
        _connectors = connectors;
        _listener.Prefixes.Add(string.Create(CultureInfo.InvariantCulture, $"http://*:{port}/"));
        _listener.Start();
        _loop = Task.Run(ServeAsync);
    }

    public static HealthServer Start(int port, IReadOnlyList<CdcConnector> connectors) => new(port, connectors);

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

            using var response = context.Response;
            if (context.Request.Url?.AbsolutePath != "/health")
            {
                response.StatusCode = 404;
                continue;
            }

            var body = JsonSerializer.SerializeToUtf8Bytes(_connectors.Select(c => new Dictionary<string, object>
            {
                ["name"] = c.Source.Config.Name,
                ["delivered"] = c.DeliveredCount,
                ["acknowledgedLsn"] = c.SafeLsn.ToString(CultureInfo.InvariantCulture),
                ["confirmedLsn"] = c.Source.ConfirmedLsn.ToString(CultureInfo.InvariantCulture),
            }).ToList());
            response.ContentType = "application/json";
            await response.OutputStream.WriteAsync(body).ConfigureAwait(false);
        }
    }
}
