using System.Diagnostics;
using System.Text.Json;
using Serverless.Connect.TestUtilities;

namespace Serverless.Connect.Sinks.S3.Tests;

/// <summary>
/// DuckDB (@duckdb/node-api, installed from reader/package-lock.json with npm ci on first use) as an independent
/// Parquet reader: the sink's files are downloaded and queried with SQL.
/// </summary>
internal static class DuckDb
{
    private static readonly SemaphoreSlim s_install = new(1, 1);
    private static bool s_installed;

    private static string ReaderDirectory => Path.Combine(RepositoryPaths.Root, "tests", "Serverless.Connect.Sinks.S3.Tests", "reader");

    public static async Task<List<JsonElement>> QueryAsync(string sql)
    {
        await EnsureInstalledAsync();
        var (code, stdout, stderr) = await RunAsync("node", ["query.mjs", sql]);
        if (code != 0)
        {
            throw new InvalidOperationException($"DuckDB query failed ({code}): {stderr}\nSQL: {sql}");
        }

        return JsonSerializer.Deserialize<List<JsonElement>>(stdout)!;
    }

    private static async Task EnsureInstalledAsync()
    {
        await s_install.WaitAsync();
        try
        {
            if (s_installed || File.Exists(Path.Combine(ReaderDirectory, "node_modules", "@duckdb", "node-api", "package.json")))
            {
                s_installed = true;
                return;
            }

            // flock serialises concurrent test processes installing into the same folder.
            var (code, _, stderr) = await RunAsync("flock", [Path.Combine(ReaderDirectory, "package.json"), "npm", "ci", "--no-audit", "--no-fund"]);
            if (code != 0)
            {
                throw new InvalidOperationException($"npm ci for the DuckDB reader failed: {stderr}");
            }

            s_installed = true;
        }
        finally
        {
            s_install.Release();
        }
    }

    private static async Task<(int Code, string Stdout, string Stderr)> RunAsync(string file, IEnumerable<string> args)
    {
        var psi = new ProcessStartInfo(file)
        {
            WorkingDirectory = ReaderDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in args)
        {
            psi.ArgumentList.Add(arg);
        }

        using var process = Process.Start(psi)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout, await stderr);
    }
}
