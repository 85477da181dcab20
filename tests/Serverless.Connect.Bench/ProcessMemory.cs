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

    private static long KiB(string line) =>
        long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
}
