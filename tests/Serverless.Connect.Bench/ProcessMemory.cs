using System.Globalization;
using System.Runtime.InteropServices;

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
        // Aggressive: the heap left by the scenario before is compacted and returned to the OS, not kept committed.
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        try
        {
            // Native memory freed by the scenario before (librdkafka, the mock cluster) stays in glibc's arenas otherwise.
            _ = MallocTrim(0);
        }
        catch (DllNotFoundException)
        {
        }
        catch (EntryPointNotFoundException)
        {
        }

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

    /// <summary>Gets this process's current RSS (VmRSS) in bytes, 0 when /proc cannot be read.</summary>
    public static long OwnCurrentBytes => Read(Environment.ProcessId)?.CurrentBytes ?? 0;

    /// <summary>Formats bytes as MiB with one decimal.</summary>
    public static string MiB(long bytes) => (bytes / 1048576.0).ToString("0.0", CultureInfo.InvariantCulture);

    [DllImport("libc", EntryPoint = "malloc_trim")]
    private static extern int MallocTrim(nuint pad);

    private static long KiB(string line) =>
        long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
}
