using System.Globalization;

namespace Serverless.Connect.DevServices;

/// <summary>
/// The values of the env file that <c>infra/local/services.sh up</c> writes (<c>.local/services.env</c> by default):
/// where PostgreSQL, the embedded Kafka, s3rver and Azurite listen and how to log in.
/// </summary>
public sealed class ServicesEnvironment
{
    private readonly IReadOnlyDictionary<string, string> _values;

    private ServicesEnvironment(IReadOnlyDictionary<string, string> values, string path)
    {
        _values = values;
        Path = path;
    }

    /// <summary>Gets the env file the values were read from.</summary>
    public string Path { get; }

    /// <summary>Gets the PostgreSQL host.</summary>
    public string PostgresHost => Get("SC_PG_HOST");

    /// <summary>Gets the PostgreSQL port.</summary>
    public int PostgresPort => int.Parse(Get("SC_PG_PORT"), CultureInfo.InvariantCulture);

    /// <summary>Gets the PostgreSQL superuser.</summary>
    public string PostgresUser => Get("SC_PG_USER");

    /// <summary>Gets the PostgreSQL superuser's password.</summary>
    public string PostgresPassword => Get("SC_PG_PASSWORD");

    /// <summary>Gets the PostgreSQL data directory.</summary>
    public string PostgresDataDirectory => Get("SC_PG_DATA_DIR");

    /// <summary>Gets the embedded Kafka's bootstrap servers.</summary>
    public string KafkaBootstrapServers => Get("SC_KAFKA_BOOTSTRAP_SERVERS");

    /// <summary>Gets the embedded Kafka's control port (topic creation, fault injection).</summary>
    public Uri KafkaControlUrl => new(Get("SC_KAFKA_CONTROL_URL"));

    /// <summary>Gets the S3-compatible endpoint (s3rver).</summary>
    public Uri S3Endpoint => new(Get("SC_S3_ENDPOINT"));

    /// <summary>Gets the S3 access key.</summary>
    public string S3AccessKey => Get("SC_S3_ACCESS_KEY");

    /// <summary>Gets the S3 secret key.</summary>
    public string S3SecretKey => Get("SC_S3_SECRET_KEY");

    /// <summary>Gets Azurite's connection string.</summary>
    public string AzuriteConnectionString => Get("SC_AZURITE_CONNECTION_STRING");

    /// <summary>Reads an env file: <c>KEY=value</c> lines, optionally prefixed by <c>export</c> and double-quoted; <c>#</c> comments.</summary>
    /// <param name="path">The file.</param>
    /// <returns>The values.</returns>
    public static ServicesEnvironment Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
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

        return new ServicesEnvironment(values, path);
    }

    /// <summary>A libpq-style Npgsql connection string for a database of the local server.</summary>
    /// <param name="database">The database.</param>
    /// <param name="pooling">Whether Npgsql may pool the connections (tests drop their databases, so they don't).</param>
    /// <returns>The connection string.</returns>
    public string PostgresConnectionString(string database, bool pooling = true) =>
        $"Host={PostgresHost};Port={PostgresPort};Username={PostgresUser};Password={PostgresPassword};Database={database};" +
        (pooling ? string.Empty : "Pooling=false;") + "Timeout=30;Command Timeout=60";

    /// <summary>Gets a value.</summary>
    /// <param name="key">The variable's name.</param>
    /// <returns>The value.</returns>
    /// <exception cref="KeyNotFoundException">The file has no (or an empty) value for it.</exception>
    public string Get(string key) =>
        _values.TryGetValue(key, out var value) && value.Length > 0
            ? value
            : throw new KeyNotFoundException($"{key} is missing from {Path}; run infra/local/services.sh up");
}
