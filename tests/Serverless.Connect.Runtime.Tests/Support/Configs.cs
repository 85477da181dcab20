using Serverless.Connect.Configuration.Connect;

namespace Serverless.Connect.Runtime.Tests.Support;

internal static class Configs
{
    public static ErrorHandlingConfig Errors(
        ToleranceType tolerance = ToleranceType.None, long retryTimeoutMs = 0, long retryDelayMaxMs = 60000, bool log = false, bool logMessages = false) =>
        new(retryTimeoutMs, retryDelayMaxMs, tolerance, log, logMessages, null, 3, false);
}
