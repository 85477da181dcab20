using System.Diagnostics;
using System.Globalization;

namespace Serverless.Connect.TestUtilities;

/// <summary>
/// The local services started by infra/local/services.sh, read from its env file. When the file is missing (a test run
/// started without the README's test command), the services script is run once to start them.
/// </summary>
public sealed class LocalServices
{
    private static readonly Lazy<LocalServices> s_current = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);
    private readonly IReadOnlyDictionary<string, string> _values;

    private LocalServices(IReadOnlyDictionary<string, string> values) => _values = values;

    public static LocalServices Current => s_current.Value;

    public string PostgresHost => Get("SC_PG_HOST");

    public int PostgresPort => int.Parse(Get("SC_PG_PORT"), CultureInfo.InvariantCulture);

    public string PostgresUser => Get("SC_PG_USER");

    public string PostgresPassword => Get("SC_PG_PASSWORD");

    public string PostgresDataDirectory => Get("SC_PG_DATA_DIR");

    public string KafkaBootstrapServers => Get("SC_KAFKA_BOOTSTRAP_SERVERS");

    public Uri S3Endpoint => new(Get("SC_S3_ENDPOINT"));

    public string S3AccessKey => Get("SC_S3_ACCESS_KEY");

    public string S3SecretKey => Get("SC_S3_SECRET_KEY");

    public string AzuriteConnectionString => Get("SC_AZURITE_CONNECTION_STRING");

    public string PostgresConnectionString(string database) =>
        $"Host={PostgresHost};Port={PostgresPort};Username={PostgresUser};Password={PostgresPassword};Database={database};Pooling=false;Timeout=30;Command Timeout=60";

    public string Get(string key) =>
        _values.TryGetValue(key, out var value) ? value : throw new InvalidOperationException($"{key} is not in the services env file.");

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

        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var raw in File.ReadAllLines(path))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            if (line.StartsWith("export ", StringComparison.Ordinal))
            {
                line = line[7..];
            }

            var eq = line.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0)
            {
                continue;
            }

            var value = line[(eq + 1)..];
            if (value.Length >= 2 && value[0] == '"' && value[^1] == '"')
            {
                value = value[1..^1];
            }

            values[line[..eq]] = value;
        }

        return new LocalServices(values);
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
