namespace Serverless.Connect.Configuration.Providers;

/// <summary>Supplies values for <c>${alias:path:key}</c> references (Kafka's <c>ConfigProvider</c>).</summary>
public interface IConfigProvider
{
    /// <summary>Looks up keys at a path; keys that do not exist are simply absent from the result.</summary>
    /// <param name="path">The path part of the reference (empty when the reference has none).</param>
    /// <param name="keys">The keys wanted.</param>
    /// <returns>The values found.</returns>
    /// <exception cref="ConfigProviderException">The path itself is unusable (missing file, not allowed, malformed); the message never contains values.</exception>
    IReadOnlyDictionary<string, string> Get(string path, IReadOnlySet<string> keys);

    /// <summary>Describes where a key was looked for, to explain a failed lookup; must not reveal any value.</summary>
    /// <param name="path">The path part of the reference.</param>
    /// <param name="key">The key.</param>
    /// <returns>A short explanation.</returns>
    string DescribeLookup(string path, string key);
}
