using System.Runtime.InteropServices;

namespace Serverless.Connect.TestUtilities;

/// <summary>
/// A process of a test's own services (a PostgreSQL backend, say) held with SIGSTOP, so that a test can make a server
/// fall behind its client at a chosen moment. Resumed (SIGCONT) on <see cref="Resume"/> or dispose, by PID.
/// </summary>
public sealed partial class PausedProcess : IDisposable
{
    private const int SigStop = 19;
    private const int SigCont = 18;
    private readonly int _pid;
    private int _resumed;

    private PausedProcess(int pid)
    {
        _pid = pid;
    }

    /// <summary>Stops the process with the given PID until the returned object resumes it.</summary>
    /// <param name="pid">The process to pause; it must belong to a service the test started.</param>
    /// <returns>The paused process.</returns>
    public static PausedProcess Pause(int pid)
    {
        if (Kill(pid, SigStop) != 0)
        {
            throw new InvalidOperationException($"Cannot pause process {pid}: errno {Marshal.GetLastPInvokeError()}");
        }

        return new PausedProcess(pid);
    }

    /// <summary>Lets the process run again; later calls do nothing.</summary>
    public void Resume()
    {
        if (Interlocked.Exchange(ref _resumed, 1) == 0)
        {
            _ = Kill(_pid, SigCont);
        }
    }

    /// <inheritdoc/>
    public void Dispose() => Resume();

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int pid, int signal);
}
