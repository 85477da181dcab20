using System.Runtime.InteropServices;

namespace Serverless.Connect.Cli.Commands;

/// <summary>
/// SIGTERM and SIGINT as a graceful-stop token for long-running verbs. The process is not killed on the signal: the
/// verb drains, commits or acknowledges, and returns its own exit code.
/// </summary>
internal sealed class ServiceSignals : IDisposable
{
    private readonly CancellationTokenSource _stop;
    private readonly PosixSignalRegistration _term;
    private readonly PosixSignalRegistration _intr;

    public ServiceSignals(CancellationToken cancellationToken)
    {
        _stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        _term = PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal);
        _intr = PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal);
    }

    public CancellationToken Token => _stop.Token;

    public void Dispose()
    {
        _term.Dispose();
        _intr.Dispose();
        _stop.Dispose();
    }

    private void OnSignal(PosixSignalContext context)
    {
        context.Cancel = true;
        _stop.Cancel();
    }
}
