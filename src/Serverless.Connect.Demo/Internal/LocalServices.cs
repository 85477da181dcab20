using System.Diagnostics;

using Serverless.Connect.DevServices;

namespace Serverless.Connect.Demo.Internal;

/// <summary>
/// Runs <c>infra/local/services.sh</c> as a child process: <c>status</c> to see whether the services are up, <c>up</c>
/// (which installs PostgreSQL 15 with apt-get and the npm services with npm ci when missing) and, only when this run
/// started them, <c>down</c> at the end.
/// </summary>
internal sealed class LocalServices
{
    private readonly string _script;
    private readonly TextWriter _log;

    public LocalServices(string repositoryRoot, TextWriter log)
    {
        _script = System.IO.Path.Combine(repositoryRoot, "infra", "local", "services.sh");
        _log = log;
        var stateDir = Environment.GetEnvironmentVariable("SC_STATE_DIR") is { Length: > 0 } dir ? dir : System.IO.Path.Combine(repositoryRoot, ".local");
        EnvFile = System.IO.Path.Combine(stateDir, "services.env");
        if (!File.Exists(_script))
        {
            throw new DemoException($"{_script} not found: run ./connect demo from a clone of the repository");
        }
    }

    public string EnvFile { get; }

    public bool StartedByUs { get; private set; }

    public static string FindRepositoryRoot()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Environment.CurrentDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(System.IO.Path.Combine(dir.FullName, "infra", "local", "services.sh")))
                {
                    return dir.FullName;
                }
            }
        }

        throw new DemoException("the repository root (with infra/local/services.sh) was not found above the program or the current directory");
    }

    public async Task<ServicesEnvironment> EnsureUpAsync(bool noInstall, CancellationToken cancellationToken)
    {
        if (await RunAsync("status", quiet: true, cancellationToken) == 0)
        {
            _log.WriteLine($"demo: local services are already running ({EnvFile}); they stay up afterwards");
            return ServicesEnvironment.Read(EnvFile);
        }

        if (noInstall)
        {
            throw new DemoException("the local services are not running and --no-install was given: run infra/local/services.sh up first");
        }

        _log.WriteLine("demo: starting the local services (infra/local/services.sh up: installs PostgreSQL 15 and the npm services if missing)");
        StartedByUs = true;
        if (await RunAsync("up", quiet: false, cancellationToken) != 0)
        {
            throw new DemoException("infra/local/services.sh up failed (see its output above)");
        }

        return ServicesEnvironment.Read(EnvFile);
    }

    public async Task StopIfStartedAsync()
    {
        if (!StartedByUs)
        {
            return;
        }

        _log.WriteLine("demo: stopping the local services this run started (infra/local/services.sh down)");
        await RunAsync("down", quiet: false, CancellationToken.None);
    }

    private async Task<int> RunAsync(string verb, bool quiet, CancellationToken cancellationToken)
    {
        var psi = new ProcessStartInfo(_script)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
        };
        psi.ArgumentList.Add(verb);
        using var process = Process.Start(psi) ?? throw new DemoException($"{_script} {verb} did not start");
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
        var stderr = PumpAsync(process.StandardError, quiet);
        // Not cancelled by Ctrl-C: a half-finished apt-get or start would leave the services in an unknown state.
        await process.WaitForExitAsync(CancellationToken.None);

        // A daemon that kept an inherited pipe open must not hang the demo.
        await Task.WhenAny(Task.WhenAll(stdout, stderr), Task.Delay(TimeSpan.FromSeconds(2), CancellationToken.None));
        cancellationToken.ThrowIfCancellationRequested();
        return process.ExitCode;
    }

    private async Task PumpAsync(StreamReader reader, bool quiet)
    {
        while (await reader.ReadLineAsync() is { } line)
        {
            if (!quiet)
            {
                await _log.WriteLineAsync(line);
            }
        }
    }
}
