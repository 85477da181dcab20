using System.Diagnostics;
using Serverless.Connect.Cli.Commands;

namespace Serverless.Connect.Cli.Tests;

/// <summary>Runs the verbs in-process against temporary files, or the built <c>connect.dll</c> as a process.</summary>
internal static class CliRunner
{
    public static string SeedFile(string name) => Path.Combine(AppContext.BaseDirectory, "TestData", "seed", name);

    public static string TempFile(string content, string extension)
    {
        var path = Path.Combine(Path.GetTempPath(), $"cli-tests-{Guid.NewGuid():N}{extension}");
        File.WriteAllText(path, content);
        return path;
    }

    public static async Task<TransformRun> TransformAsync(string config, string stdin, bool withDlq = false, string extension = ".json")
    {
        var configPath = TempFile(config, extension);
        var dlqPath = withDlq ? Path.Combine(Path.GetTempPath(), $"cli-tests-{Guid.NewGuid():N}.dlq.jsonl") : null;
        try
        {
            var output = new StringWriter();
            var error = new StringWriter();
            var exit = await TransformCommand.RunAsync(configPath, dlqPath, new StringReader(stdin), output, error, CancellationToken.None);
            var dlq = dlqPath is not null && File.Exists(dlqPath) ? await File.ReadAllLinesAsync(dlqPath) : [];
            return new TransformRun(exit, Lines(output.ToString()), error.ToString(), dlq);
        }
        finally
        {
            File.Delete(configPath);
            if (dlqPath is not null)
            {
                File.Delete(dlqPath);
            }
        }
    }

    public static async Task<(int Exit, string Stdout, string Stderr)> ValidateAsync(string configPath)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = await ValidateCommand.RunAsync(configPath, output, error, CancellationToken.None);
        return (exit, output.ToString(), error.ToString());
    }

    /// <summary>Runs the built program (<c>connect.dll</c> next to the tests) as <c>./connect</c> would.</summary>
    public static async Task<(int Exit, string Stdout, string Stderr)> ProcessAsync(string stdin, params string[] args)
    {
        var psi = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        psi.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "connect.dll"));
        foreach (var arg in args)
        {
            psi.ArgumentList.Add(arg);
        }

        using var process = Process.Start(psi)!;
        await process.StandardInput.WriteAsync(stdin);
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout, await stderr);
    }

    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

internal sealed record TransformRun(int Exit, string[] Stdout, string Stderr, string[] Dlq);
