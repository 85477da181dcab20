using Serverless.Connect.Runtime.Errors;

namespace Serverless.Connect.Runtime.Tests.Support;

internal sealed class RecordingReporter : IErrorReporter
{
    public List<ErrorReport> Reports { get; } = [];

    public ValueTask ReportAsync(ErrorReport report, CancellationToken cancellationToken = default)
    {
        lock (Reports)
        {
            Reports.Add(report);
        }

        return default;
    }
}
