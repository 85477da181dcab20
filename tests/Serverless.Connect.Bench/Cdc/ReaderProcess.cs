using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;

namespace Serverless.Connect.Bench.Cdc;

/// <summary>
/// <c>dotnet connect.dll cdc --config … --http-port …</c> as a process of its own (its PID is the reader's, so /proc gives
/// its own memory); progress is read from its <c>GET /health</c>; stopped by PID (SIGTERM, then SIGKILL).
/// </summary>
internal sealed class ReaderProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(5) };
    private readonly Queue<string> _stderr = new();
    private readonly Lock _stderrLock = new();
    private readonly Uri _health;

    private ReaderProcess(Process process, int port)
    {
        _process = process;
        _health = new Uri(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}/health"));
    }

    public int Pid => _process.Id;

    public bool HasExited => _process.HasExited;

    public string StandardErrorTail
    {
        get
        {
            lock (_stderrLock)
            {
                return string.Join('\n', _stderr);
            }
        }
    }

    public static ReaderProcess Start(string connectDll, string configPath, IReadOnlyDictionary<string, string> environment)
    {
        if (!File.Exists(connectDll))
        {
            throw new FileNotFoundException($"{connectDll} is not built; run ./tests/bench/run.sh (it builds it) or set SC_BENCH_CONNECT_DLL", connectDll);
        }

        var port = FreePort();
        var psi = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { connectDll, "cdc", "--config", configPath, "--http-port", port.ToString(CultureInfo.InvariantCulture) })
        {
            psi.ArgumentList.Add(arg);
        }

        foreach (var (key, value) in environment)
        {
            psi.Environment[key] = value;
        }

        var process = Process.Start(psi) ?? throw new InvalidOperationException("dotnet did not start");
        var reader = new ReaderProcess(process, port);
        process.ErrorDataReceived += (_, e) => reader.Keep(e.Data);
        process.OutputDataReceived += (_, e) => reader.Keep(e.Data);
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        return reader;
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

    public async Task<int> StopAsync(TimeSpan timeout)
    {
        if (_process.HasExited)
        {
            return _process.ExitCode;
        }

        using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        using var wait = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(wait.Token);
        }
        catch (OperationCanceledException)
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }

        return _process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync(TimeSpan.FromSeconds(30));
        _process.Dispose();
        _http.Dispose();
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_stderrLock)
        {
            _stderr.Enqueue(line);
            if (_stderr.Count > 200)
            {
                _stderr.Dequeue();
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
