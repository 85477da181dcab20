using System.Diagnostics;
using System.Globalization;
using Serverless.Connect.TestUtilities;

namespace Serverless.Connect.Bench.Cdc;

/// <summary>
/// PostgreSQL's own client decoding the same WAL through pgoutput (<c>pg_recvlogical --start --endpos</c>, output to
/// /dev/null): the ceiling of what any pgoutput reader on this machine can do.
/// </summary>
internal static class PgRecvLogical
{
    public static string Path =>
        Environment.GetEnvironmentVariable("SC_BENCH_PG_RECVLOGICAL") is { Length: > 0 } path ? path : "/usr/lib/postgresql/15/bin/pg_recvlogical";

    /// <summary>Runs it to the end position; returns how long it took and its peak RSS (VmHWM, sampled every 10 ms while it runs).</summary>
    public static async Task<(TimeSpan Elapsed, long PeakRssBytes)> DecodeAsync(
        LocalServices services, string database, string slot, string publication, string endLsn, CancellationToken cancellationToken)
    {
        var psi = new ProcessStartInfo(Path)
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[]
        {
            "-h", services.PostgresHost, "-p", services.PostgresPort.ToString(CultureInfo.InvariantCulture), "-U", services.PostgresUser, "-d", database,
            "--slot", slot, "--start", "--no-loop", "-o", "proto_version=1", "-o", "publication_names=" + publication,
            "--endpos", endLsn, "-f", "/dev/null",
        })
        {
            psi.ArgumentList.Add(arg);
        }

        psi.Environment["PGPASSWORD"] = services.PostgresPassword;
        var watch = Stopwatch.StartNew();
        using var process = Process.Start(psi) ?? throw new InvalidOperationException($"{Path} did not start");
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var exited = process.WaitForExitAsync(cancellationToken);
        long peak = 0;
        while (!exited.IsCompleted)
        {
            // VmHWM only grows, so the last read before the exit is (within 10 ms of work) the peak.
            if (ProcessMemory.Read(process.Id) is { } memory)
            {
                peak = Math.Max(peak, memory.PeakBytes);
            }

            await Task.WhenAny(exited, Task.Delay(10, cancellationToken));
        }

        await exited;
        watch.Stop();
        await stdout;
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"pg_recvlogical exited with {process.ExitCode}: {await stderr}");
        }

        return (watch.Elapsed, peak);
    }
}
