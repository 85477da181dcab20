using System.Globalization;

namespace Serverless.Connect.Bench;

/// <summary>CPU time (user + system) a process has used so far, from /proc/&lt;pid&gt;/stat, and the machine's load.</summary>
internal static class ProcessCpu
{
    // USER_HZ is 100 on every Linux this runs on (sysconf(_SC_CLK_TCK)).
    private const double TicksPerSecond = 100;

    public static TimeSpan? Read(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            // Fields after the command (which may contain spaces) start after the last ')'; utime and stime are fields 14 and 15.
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
            return TimeSpan.FromSeconds(ticks / TicksPerSecond);
        }
        catch (IOException)
        {
            return null;
        }
    }

    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "?";
}
