using System.Diagnostics;
using System.Globalization;

namespace Serverless.Connect.Bench;

/// <summary>The machine a run was measured on (CPU model from lscpu, logical cores, RAM).</summary>
internal sealed record MachineInfo(string CpuModel, int Cores, long MemoryMiB)
{
    public static MachineInfo Current()
    {
        var model = "unknown CPU";
        try
        {
            using var lscpu = Process.Start(new ProcessStartInfo("lscpu") { RedirectStandardOutput = true, UseShellExecute = false });
            if (lscpu is not null)
            {
                var output = lscpu.StandardOutput.ReadToEnd();
                lscpu.WaitForExit();
                model = output.Split('\n')
                    .Where(l => l.StartsWith("Model name:", StringComparison.Ordinal))
                    .Select(l => l["Model name:".Length..].Trim())
                    .FirstOrDefault() ?? model;
            }
        }
        catch (System.ComponentModel.Win32Exception)
        {
            // No lscpu: the model stays unknown; cores and RAM still come from the runtime and /proc.
        }

        long memKiB = 0;
        if (File.Exists("/proc/meminfo"))
        {
            var line = File.ReadLines("/proc/meminfo").FirstOrDefault(l => l.StartsWith("MemTotal:", StringComparison.Ordinal));
            if (line is not null)
            {
                memKiB = long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
            }
        }

        return new MachineInfo(model, Environment.ProcessorCount, memKiB / 1024);
    }

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{CpuModel}, {Cores} logical cores, {MemoryMiB / 1024.0:0.#} GiB RAM");
}
