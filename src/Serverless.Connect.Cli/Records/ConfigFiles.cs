using Serverless.Connect.Configuration;
using Serverless.Connect.Configuration.Loading;
using Serverless.Connect.Configuration.Providers;

namespace Serverless.Connect.Cli.Records;

/// <summary>Loads <c>--config</c>: connector files (Strimzi YAML, REST JSON, properties), or fragments with only connector-level keys.</summary>
internal static class ConfigFiles
{
    /// <summary>The connector class given to fragments, so Connect-level validation applies to them.</summary>
    public const string FragmentClass = "serverless.connect.ConfigFragment";

    private static readonly string[] s_resolvedPrefixes =
        ["transforms", "predicates", "key.converter", "value.converter", "header.converter", "errors."];

    /// <summary>Loads the file.</summary>
    /// <exception cref="ConfigLoadException">Neither a connector nor a fragment could be read.</exception>
    public static LoadedConfig Load(string path)
    {
        var loader = new ConnectConfigLoader();
        ConfigLoadException? loadError = null;
        try
        {
            var loaded = loader.Load(path);
            if (loaded.Connectors.Count > 0)
            {
                return new LoadedConfig([.. loaded.Connectors.Select(c => (c, loaded.FindWorker(c)))], false, loaded.Warnings);
            }

            if (loaded.Workers.Count > 0)
            {
                return new LoadedConfig([], false, loaded.Warnings) { Workers = loaded.Workers };
            }
        }
        catch (ConfigLoadException e)
        {
            loadError = e;
        }

        if (Directory.Exists(path))
        {
            throw loadError ?? new ConfigLoadException([new ConfigProblem(null, "no connector configuration found", path)]);
        }

        ConfigFragment fragment;
        try
        {
            fragment = loader.LoadConfigFragment(path);
        }
        catch (ConfigLoadException)
        {
            throw loadError ?? throw new ConfigLoadException([new ConfigProblem(null, "no connector configuration found", path)]);
        }

        // A connector whose file has a problem must report that problem, not pass as a fragment.
        if (loadError is not null && (fragment.Values.ContainsKey(ConnectorConfig.NameKey) || fragment.Values.ContainsKey(ConnectorConfig.ConnectorClassKey)))
        {
            throw loadError;
        }

        var values = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [ConnectorConfig.NameKey] = Path.GetFileNameWithoutExtension(path),
            [ConnectorConfig.ConnectorClassKey] = FragmentClass,
        };
        foreach (var (key, value) in fragment.Values)
        {
            values[key] = value;
        }

        if (!values.ContainsKey("topics") && !values.ContainsKey("topics.regex"))
        {
            values["topics"] = "__fragment__";
        }

        return new LoadedConfig([(ConnectorConfig.FromValues(values), null)], true, fragment.Warnings);
    }

    /// <summary>Resolves config provider references (<c>${env:…}</c>, <c>${secrets:…}</c>) in the keys the pipeline uses.</summary>
    public static (ConnectorConfig Connector, WorkerConfig? Worker, IReadOnlyList<ConfigProblem> Errors) ResolvePipelineKeys(
        ConnectorConfig connector, WorkerConfig? worker)
    {
        var providers = ConfigProviders.FromWorkerConfig(worker?.Values);
        var resolver = new ConfigResolver(providers);
        var errors = new List<ConfigProblem>();
        var resolvedConnector = connector.WithValues(Resolve(connector.Values, resolver, errors));
        var resolvedWorker = worker is null ? null : worker with { Values = Resolve(worker.Values, resolver, errors) };
        return (resolvedConnector, resolvedWorker, errors);
    }

    /// <summary>Resolves every key, keeping the original text of references that cannot be resolved here (reported as problems).</summary>
    public static IReadOnlyDictionary<string, string> ResolveAll(IReadOnlyDictionary<string, string> values, WorkerConfig? worker, List<ConfigProblem> problems)
    {
        var resolution = new ConfigResolver(ConfigProviders.FromWorkerConfig(worker?.Values)).Resolve(values);
        problems.AddRange(resolution.Errors);
        var merged = new OrderedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in values)
        {
            merged[key] = resolution.Errors.Any(e => e.Key == key) ? value : resolution.Values.GetValueOrDefault(key, value);
        }

        return new System.Collections.ObjectModel.ReadOnlyDictionary<string, string>(merged);
    }

    private static IReadOnlyDictionary<string, string> Resolve(IReadOnlyDictionary<string, string> values, ConfigResolver resolver, List<ConfigProblem> errors)
    {
        var relevant = values.Where(e => s_resolvedPrefixes.Any(p => e.Key.StartsWith(p, StringComparison.Ordinal)))
            .ToDictionary(e => e.Key, e => e.Value, StringComparer.Ordinal);
        if (relevant.Count == 0)
        {
            return values;
        }

        var resolution = resolver.Resolve(relevant);
        errors.AddRange(resolution.Errors);
        var merged = new OrderedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in values)
        {
            merged[key] = relevant.ContainsKey(key) ? resolution.Values.GetValueOrDefault(key, value) : value;
        }

        return new System.Collections.ObjectModel.ReadOnlyDictionary<string, string>(merged);
    }
}
