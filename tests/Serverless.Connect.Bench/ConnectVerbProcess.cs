using System.Diagnostics;
using System.Globalization;

namespace Serverless.Connect.Bench;

/// <summary>
/// <c>dotnet connect.dll &lt;verb&gt; …</c> (cdc, sink, kafka, lag) as a process of its own, so its PID is the
/// program's and /proc gives its own memory and CPU; stopped by PID (SIGTERM, then SIGKILL). Stdout lines go to the
/// <c>onOutput</c> callback (or, without one, into the kept tail); the last output lines are kept for error messages.
/// </summary>
internal sealed class ConnectVerbProcess : IAsyncDisposable
{
    private const int TailLines = 200;

    private readonly Process _process;
    private readonly Queue<string> _tail = new();
    private readonly Lock _lock = new();
    private readonly Action<string>? _onOutput;
    private long _peakRss;
    private int _assignments;

    private ConnectVerbProcess(Process process, string verb, Action<string>? onOutput)
    {
        _process = process;
        Verb = verb;
        _onOutput = onOutput;
    }

    /// <summary>Gets the verb it runs (<c>cdc</c>, <c>sink</c>, …), for reports.</summary>
    public string Verb { get; }

    public int Pid => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>Gets how many times a sink worker logged "Partitions assigned" (its group rebalances as it saw them).</summary>
    public int Assignments => Volatile.Read(ref _assignments);

    /// <summary>
    /// Gets the process's peak RSS (VmHWM) in bytes as last read by <see cref="SampleMemory"/>, <see cref="StopAsync"/>
    /// or <see cref="PeakRssBytes"/>'s own read while it still runs (a process's /proc entry goes when it exits).
    /// </summary>
    public long PeakRssBytes
    {
        get
        {
            if (!_process.HasExited)
            {
                SampleMemory();
            }

            return Interlocked.Read(ref _peakRss);
        }
    }

    public string StandardErrorTail
    {
        get
        {
            lock (_lock)
            {
                return string.Join('\n', _tail);
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
        var arguments = args.ToList();
        foreach (var arg in arguments)
        {
            psi.ArgumentList.Add(arg);
        }

        foreach (var (key, value) in environment)
        {
            psi.Environment[key] = value;
        }

        var process = Process.Start(psi) ?? throw new InvalidOperationException("dotnet did not start");
        var verb = new ConnectVerbProcess(process, arguments.FirstOrDefault() ?? "?", onOutput);
        process.ErrorDataReceived += (_, e) => verb.Keep(e.Data);
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                return;
            }

            if (verb._onOutput is { } output)
            {
                output(e.Data);
            }
            else
            {
                verb.Keep(e.Data);
            }
        };
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        return verb;
    }

    /// <summary>Reads the process's VmHWM now (it only grows), keeping the highest value seen.</summary>
    public void SampleMemory()
    {
        if (ProcessMemory.Read(_process.Id) is { } memory)
        {
            long seen;
            do
            {
                seen = Interlocked.Read(ref _peakRss);
            }
            while (memory.PeakBytes > seen && Interlocked.CompareExchange(ref _peakRss, memory.PeakBytes, seen) != seen);
        }
    }

    /// <summary>SIGTERM (a graceful stop: the sink finishes its batch and commits), then SIGKILL after <paramref name="timeout"/>.</summary>
    /// <remarks>The peak RSS is read just before the signal, so <see cref="PeakRssBytes"/> covers the whole run.</remarks>
    public async Task<int> StopAsync(TimeSpan timeout)
    {
        if (!_process.HasExited)
        {
            SampleMemory();
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

    private void Keep(string? line)
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
            _tail.Enqueue(line);
            if (_tail.Count > TailLines)
            {
                _tail.Dequeue();
            }
        }
    }
}
