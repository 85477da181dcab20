using Serverless.Connect.Configuration.Providers;

namespace Serverless.Connect.Configuration.Tests.Providers;

internal static class ResolverTestSupport
{
    public static ConfigResolution Resolve(IReadOnlyDictionary<string, string> config, ConfigProviderOptions? options = null, IReadOnlyDictionary<string, string>? worker = null) =>
        new ConfigResolver(ConfigProviders.FromWorkerConfig(worker, options)).Resolve(config);

    public static Dictionary<string, string> Config(params (string Key, string Value)[] entries) =>
        entries.ToDictionary(e => e.Key, e => e.Value, StringComparer.Ordinal);
}
