namespace Serverless.Connect.Sources.Postgres.Tests;

/// <summary>Polls a condition while a connector runs, failing fast when the connector stops early.</summary>
internal static class ConnectorWait
{
    public static async Task UntilAsync(Func<bool> condition, Task run, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!condition())
        {
            if (run.IsCompleted)
            {
                await run;
                throw new InvalidOperationException("The connector stopped early");
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Condition not met within {timeout.TotalSeconds:0} s");
            }

            await Task.Delay(50);
        }
    }
}
