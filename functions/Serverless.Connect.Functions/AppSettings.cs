using Serverless.Connect.Configuration;

namespace Serverless.Connect.Functions;

/// <summary>
/// App settings (environment variables under the Functions host, any configuration source in tests) seen as the
/// environment that <c>${env:…}</c> references and <c>KAFKA_BOOTSTRAP_SERVERS</c> read.
/// </summary>
internal sealed class AppSettings : IEnvironmentVariables
{
    private readonly IConfiguration _configuration;

    public AppSettings(IConfiguration configuration) => _configuration = configuration;

    public string? Get(string name) => _configuration[name];

    public IReadOnlyDictionary<string, string> GetAll() =>
        _configuration.AsEnumerable().Where(p => p.Value is not null).GroupBy(p => p.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First().Value!, StringComparer.Ordinal);

    /// <summary>
    /// The connector keys overridden by settings named <c>&lt;prefix&gt;__&lt;key&gt;</c> (an environment variable's
    /// <c>__</c> reaches .NET configuration as <c>:</c>, so both separators are accepted).
    /// </summary>
    public Dictionary<string, string> Overrides(string prefix)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in _configuration.AsEnumerable())
        {
            if (value is null)
            {
                continue;
            }

            foreach (var separator in (string[])[":", "__"])
            {
                var start = prefix + separator;
                if (key.Length > start.Length && key.StartsWith(start, StringComparison.OrdinalIgnoreCase))
                {
                    result[key[start.Length..]] = value;
                }
            }
        }

        return result;
    }
}
