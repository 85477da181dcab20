using System.Globalization;
using System.Text.Json;

namespace Serverless.Connect.Bench.Cdc;

/// <summary>A <c>connect cdc</c> process's progress, read from its <c>GET /health</c>.</summary>
internal sealed class ReaderHealth : IDisposable
{
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(5) };
    private readonly Uri _health;

    public ReaderHealth(int port)
    {
        _health = new Uri(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}/health"));
    }

    /// <summary>Gets the records Kafka has acknowledged and the acknowledged LSN, summed/maxed over connectors; null while it is not serving.</summary>
    public async Task<(long Delivered, ulong AcknowledgedLsn)?> ProgressAsync(CancellationToken cancellationToken)
    {
        try
        {
            using var response = await _http.GetAsync(_health, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                return null;
            }

            using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
            long delivered = 0;
            ulong lsn = 0;
            foreach (var connector in json.RootElement.EnumerateArray())
            {
                delivered += connector.GetProperty("delivered").GetInt64();
                if (connector.TryGetProperty("acknowledgedLsn", out var acknowledged))
                {
                    lsn = Math.Max(lsn, ulong.Parse(acknowledged.GetString() ?? "0", CultureInfo.InvariantCulture));
                }
            }

            return (delivered, lsn);
        }
        catch (HttpRequestException)
        {
            return null;
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return null;
        }
    }

    public void Dispose() => _http.Dispose();
}
