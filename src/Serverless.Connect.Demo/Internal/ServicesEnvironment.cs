using System.Globalization;

namespace Serverless.Connect.Demo.Internal;

/// <summary>The values of <c>.local/services.env</c> written by <c>infra/local/services.sh up</c>.</summary>
internal sealed class ServicesEnvironment
{
    private readonly IReadOnlyDictionary<string, string> _values;

    private ServicesEnvironment(IReadOnlyDictionary<string, string> values, string path)
    {
        _values = values;
        Path = path;
    }

    public string Path { get; }

    public string PostgresHost => Get("SC_PG_HOST");

    public int PostgresPort => int.Parse(Get("SC_PG_PORT"), CultureInfo.InvariantCulture);

    public string PostgresUser => Get("SC_PG_USER");

    public string PostgresPassword => Get("SC_PG_PASSWORD");

    public string KafkaBootstrapServers => Get("SC_KAFKA_BOOTSTRAP_SERVERS");

    public Uri KafkaControlUrl => new(Get("SC_KAFKA_CONTROL_URL"));

    public Uri S3Endpoint => new(Get("SC_S3_ENDPOINT"));

    public string S3AccessKey => Get("SC_S3_ACCESS_KEY");

    public string S3SecretKey => Get("SC_S3_SECRET_KEY");

    public string PostgresConnectionString(string database) =>
        $"Host={PostgresHost};Port={PostgresPort};Username={PostgresUser};Password={PostgresPassword};Database={database};Timeout=30;Command Timeout=60";

    public static ServicesEnvironment Read(string path)
    {
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

    private string Get(string key) =>
        _values.TryGetValue(key, out var value) && value.Length > 0
            ? value
            : throw new DemoException($"{key} is missing from {Path}; run infra/local/services.sh up");
}
