using System.Globalization;

namespace Serverless.Connect.Bench;

/// <summary>Resident memory of a process from /proc/&lt;pid&gt;/status: peak (VmHWM) and current (VmRSS), in bytes.</summary>
internal static class ProcessMemory
{
    public static (long PeakBytes, long CurrentBytes)? Read(int pid)
    {
        try
        {
            long peak = 0, current = 0;
            foreach (var line in File.ReadLines($"/proc/{pid}/status"))
            {
                if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                {
                    peak = KiB(line) * 1024;
                }
                else if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
                {
                    current = KiB(line) * 1024;
                }
            }

            return (peak, current);
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>Gets this process's peak RSS (VmHWM) in bytes, 0 when /proc cannot be read.</summary>
    public static long OwnPeakBytes => Read(Environment.ProcessId)?.PeakBytes ?? 0;

    /// <summary>
    /// Collects garbage and resets this process's VmHWM to its current RSS (writing 5 to /proc/self/clear_refs), so the
    /// harness's peak is measured per scenario rather than over the whole <c>all</c> run.
    /// </summary>
    public static void ResetOwnPeak()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        try
        {
            File.WriteAllText("/proc/self/clear_refs", "5");
        }
        catch (IOException)
        {
            // Not Linux, or a kernel without it: the peak then covers the whole process life (the notes say "harness").
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    /// <summary>Formats bytes as MiB with one decimal.</summary>
    public static string MiB(long bytes) => (bytes / 1048576.0).ToString("0.0", CultureInfo.InvariantCulture);

    private static long KiB(string line) =>
        long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
}
