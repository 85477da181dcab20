using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text;

namespace Serverless.Connect.TestUtilities;

/// <summary>
/// A <c>./connect</c> process started by a test. It is stopped (SIGTERM, then SIGKILL) by PID on dispose, so a test
/// never leaves a process behind.
/// </summary>
public sealed partial class ConnectProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _stderr = new();
    private readonly Lock _stderrLock = new();

    private ConnectProcess(Process process) => _process = process;

    public int Pid => _process.Id;

    public bool HasExited => _process.HasExited;

    public StreamReader StandardOutput => _process.StandardOutput;

    public string StandardError
    {
        get
        {
            lock (_stderrLock)
            {
                return _stderr.ToString();
            }
        }
    }

    public static ConnectProcess Start(IEnumerable<string> args, IReadOnlyDictionary<string, string>? environment = null)
    {
        var psi = new ProcessStartInfo(RepositoryPaths.ConnectScript)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = RepositoryPaths.Root,
        };
        foreach (var arg in args)
        {
            psi.ArgumentList.Add(arg);
        }

        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            psi.Environment[key] = value;
        }

        var process = Process.Start(psi) ?? throw new InvalidOperationException("./connect did not start");
        var result = new ConnectProcess(process);
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                lock (result._stderrLock)
                {
                    result._stderr.AppendLine(e.Data);
                }
            }
        };
        process.BeginErrorReadLine();
        return result;
    }

    /// <summary>Runs <c>./connect</c> to completion and returns its exit code, stdout and stderr.</summary>
    public static async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(IEnumerable<string> args, string? stdin = null,
        TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        await using var process = Start(args);
        if (stdin is not null)
        {
            await process._process.StandardInput.WriteAsync(stdin.AsMemory(), cancellationToken);
        }

        process._process.StandardInput.Close();
        var stdout = await process.StandardOutput.ReadToEndAsync(cancellationToken);
        var exit = await process.WaitForExitAsync(timeout ?? TimeSpan.FromMinutes(10), cancellationToken);
        return (exit, stdout, process.StandardError);
    }

    public void Signal(PosixSignal signal)
    {
        var number = signal switch
        {
            PosixSignal.SIGTERM => 15,
            PosixSignal.SIGINT => 2,
            PosixSignal.SIGQUIT => 3,
            _ => throw new ArgumentOutOfRangeException(nameof(signal)),
        };
        _ = Kill(_process.Id, number);
    }

    public void KillHard() => _ = Kill(_process.Id, 9);

    public async Task<int> WaitForExitAsync(TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        cts.CancelAfter(timeout);
        await _process.WaitForExitAsync(cts.Token);
        return _process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            Signal(PosixSignal.SIGTERM);
            try
            {
                await WaitForExitAsync(TimeSpan.FromSeconds(15));
            }
            catch (OperationCanceledException)
            {
                KillHard();
                await _process.WaitForExitAsync();
            }
        }

        _process.Dispose();
    }

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int pid, int signal);
}
