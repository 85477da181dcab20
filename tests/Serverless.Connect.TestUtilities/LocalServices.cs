using System.Diagnostics;
using Serverless.Connect.DevServices;

namespace Serverless.Connect.TestUtilities;

/// <summary>
/// The local services started by infra/local/services.sh, read from its env file. When the file is missing (a test run
/// started without the README's test command), the services script is run once to start them.
/// </summary>
public sealed class LocalServices
{
    private static readonly Lazy<LocalServices> s_current = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);
    private readonly ServicesEnvironment _environment;

    private LocalServices(ServicesEnvironment environment) => _environment = environment;

    public static LocalServices Current => s_current.Value;

    public string PostgresHost => _environment.PostgresHost;

    public int PostgresPort => _environment.PostgresPort;

    public string PostgresUser => _environment.PostgresUser;

    public string PostgresPassword => _environment.PostgresPassword;

    public string PostgresDataDirectory => _environment.PostgresDataDirectory;

    public string KafkaBootstrapServers => _environment.KafkaBootstrapServers;

    public Uri S3Endpoint => _environment.S3Endpoint;

    public string S3AccessKey => _environment.S3AccessKey;

    public string S3SecretKey => _environment.S3SecretKey;

    public string AzuriteConnectionString => _environment.AzuriteConnectionString;

    // Tests drop their databases at the end, which a pooled idle connection would block.
    public string PostgresConnectionString(string database) => _environment.PostgresConnectionString(database, pooling: false);

    public string Get(string key) => _environment.Get(key);

    public static string EnvFilePath =>
        Environment.GetEnvironmentVariable("SC_SERVICES_ENV") is { Length: > 0 } path
            ? path
            : Path.Combine(Environment.GetEnvironmentVariable("SC_STATE_DIR") ?? Path.Combine(RepositoryPaths.Root, ".local"), "services.env");

    private static LocalServices Load()
    {
        var path = EnvFilePath;
        if (!File.Exists(path))
        {
            StartServices();
        }

        return new LocalServices(ServicesEnvironment.Read(path));
    }

    private static void StartServices()
    {
        var psi = new ProcessStartInfo("bash", [RepositoryPaths.ServicesScript, "up"])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        using var process = Process.Start(psi) ?? throw new InvalidOperationException("could not run services.sh");
        var stderr = process.StandardError.ReadToEndAsync();
        process.StandardOutput.ReadToEnd();
        if (!process.WaitForExit(TimeSpan.FromMinutes(20)) || process.ExitCode != 0)
        {
            throw new InvalidOperationException($"infra/local/services.sh up failed:\n{stderr.Result}");
        }
    }
}
