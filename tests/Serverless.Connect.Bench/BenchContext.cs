using System.Globalization;
using Serverless.Connect.TestUtilities;

namespace Serverless.Connect.Bench;

/// <summary>What a scenario gets: the command-line options, the local services and where the built programs are.</summary>
internal sealed class BenchContext
{
    private readonly IReadOnlyDictionary<string, string> _options;

    public BenchContext(IReadOnlyDictionary<string, string> options)
    {
        _options = options;
    }

    public LocalServices Services => LocalServices.Current;

    public string RepositoryRoot => RepositoryPaths.Root;

    /// <summary>
    /// Gets the built <c>connect.dll</c> scenarios run as a separate process (<c>dotnet connect.dll …</c>, so the PID
    /// is the program's own and its memory can be read from /proc). <c>run.sh</c> builds it; SC_BENCH_CONNECT_DLL overrides.
    /// </summary>
    public string ConnectDll =>
        Environment.GetEnvironmentVariable("SC_BENCH_CONNECT_DLL") is { Length: > 0 } dll
            ? dll
            : Path.Combine(RepositoryRoot, "artifacts", "bin", "Serverless.Connect.Cli", "release", "connect.dll");

    public string? Option(string name) => _options.GetValueOrDefault(name);

    public int IntOption(string name, int defaultValue) =>
        _options.TryGetValue(name, out var value)
            ? int.Parse(value.Replace("_", string.Empty, StringComparison.Ordinal), NumberStyles.AllowThousands, CultureInfo.InvariantCulture)
            : defaultValue;

    public static void Log(string message) =>
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"[{DateTime.UtcNow:HH:mm:ss}] {message}"));
}
