using System.Diagnostics;
using System.Globalization;

namespace Serverless.Connect.Bench.Scaling;

/// <summary>
/// <c>dotnet connect.dll &lt;verb&gt; …</c> as a process of its own, stopped by PID (SIGTERM, then SIGKILL). Stdout
/// lines go to <see cref="OnOutput"/>; the last stderr lines are kept for error messages.
/// </summary>
internal sealed class ConnectVerbProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly Queue<string> _stderr = new();
    private readonly Lock _lock = new();
    private int _assignments;

    private ConnectVerbProcess(Process process, Action<string>? onOutput)
    {
        _process = process;
        OnOutput = onOutput;
    }

    public Action<string>? OnOutput { get; }

    public int Pid => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>Gets how many times a sink worker logged "Partitions assigned" (its group rebalances as it saw them).</summary>
    public int Assignments => Volatile.Read(ref _assignments);

    public string StandardErrorTail
    {
        get
        {
            lock (_lock)
            {
                return string.Join('\n', _stderr);
            }
        }
    }

    public static ConnectVerbProcess Start(string connectDll, IEnumerable<string> args, IReadOnlyDictionary<string, string> environment, Action<string>? onOutput = null)
    {
        if (!File.Exists(connectDll))
        {
            throw new FileNotFoundException($"{connectDll} is not built; run ./tests/bench/run.sh (it builds it) or set SC_BENCH_CONNECT_DLL", connectDll);
        }

        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        psi.ArgumentList.Add(connectDll);
        foreach (var arg in args)
        {
            psi.ArgumentList.Add(arg);
        }

        foreach (var (key, value) in environment)
        {
            psi.Environment[key] = value;
        }

        var process = Process.Start(psi) ?? throw new InvalidOperationException("dotnet did not start");
        var verb = new ConnectVerbProcess(process, onOutput);
        process.ErrorDataReceived += (_, e) => verb.KeepError(e.Data);
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                verb.OnOutput?.Invoke(e.Data);
            }
        };
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        return verb;
    }

    /// <summary>SIGTERM (a graceful stop: the sink finishes its batch and commits), then SIGKILL after <paramref name="timeout"/>.</summary>
    public async Task<int> StopAsync(TimeSpan timeout)
    {
        if (!_process.HasExited)
        {
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
        }

        // Drain the asynchronous output readers before the exit code is read.
        await _process.WaitForExitAsync();
        return _process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync(TimeSpan.FromSeconds(30));
        _process.Dispose();
    }

    private void KeepError(string? line)
    {
        if (line is null)
        {
            return;
        }

        if (line.Contains("Partitions assigned", StringComparison.Ordinal))
        {
            Interlocked.Increment(ref _assignments);
        }

        lock (_lock)
        {
            _stderr.Enqueue(line);
            if (_stderr.Count > 100)
            {
                _stderr.Dequeue();
            }
        }
    }
}
