namespace Serverless.Connect.Configuration.Providers;

/// <summary>Stands in for a declared provider class that Serverless.Connect cannot run, so references fail with a clear error.</summary>
internal sealed class UnsupportedConfigProvider : IConfigProvider
{
    private readonly string _reason;

    public UnsupportedConfigProvider(string reason)
    {
        _reason = reason;
    }

    public IReadOnlyDictionary<string, string> Get(string path, IReadOnlySet<string> keys) => throw new ConfigProviderException(_reason);

    public string DescribeLookup(string path, string key) => _reason;
}
