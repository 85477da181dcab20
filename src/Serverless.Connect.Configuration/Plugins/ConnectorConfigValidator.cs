using Serverless.Connect.Configuration.Connect;
using Serverless.Connect.Configuration.Internal;
using Serverless.Connect.Configuration.Validation;

namespace Serverless.Connect.Configuration.Plugins;

/// <summary>Validates a whole connector configuration the way Kafka Connect's <c>/connector-plugins/…/config/validate</c> does.</summary>
/// <remarks>
/// Checks the Connect-level settings (sink or source), the connector's own <see cref="ConfigDef"/>, every transformation
/// and predicate (<c>transforms.&lt;alias&gt;.*</c>, <c>predicates.&lt;alias&gt;.*</c>) and converters set by the connector,
/// each against the plugin registered for it. Every problem names its full key.
/// </remarks>
public sealed class ConnectorConfigValidator
{
    private readonly PluginRegistry _registry;

    /// <summary>Creates a validator.</summary>
    /// <param name="registry">The plugins this process implements.</param>
    public ConnectorConfigValidator(PluginRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        _registry = registry;
    }

    /// <summary>Validates a loaded connector configuration.</summary>
    /// <param name="connector">The connector.</param>
    /// <returns>Every error and warning.</returns>
    public ConfigValidationResult Validate(ConnectorConfig connector)
    {
        ArgumentNullException.ThrowIfNull(connector);
        return Validate(connector.Values);
    }

    /// <summary>Validates a flat connector configuration.</summary>
    /// <param name="config">The configuration, including <c>connector.class</c>.</param>
    /// <returns>Every error and warning.</returns>
    public ConfigValidationResult Validate(IReadOnlyDictionary<string, string> config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var errors = new List<ConfigProblem>();
        var connector = ResolveConnector(config, errors);
        var definition = connector?.Kind == PluginKind.Sink ? ConnectConfigDefs.CreateSink()
            : connector?.Kind == PluginKind.Source ? ConnectConfigDefs.CreateSource()
            : ConnectConfigDefs.CreateCommon();
        if (connector?.Config is not null)
        {
            EmbedMissing(definition, string.Empty, connector.Config, []);
        }

        EnrichAliases(definition, config, ConnectConfigDefs.Transforms, PluginKind.Transformation);
        EnrichAliases(definition, config, ConnectConfigDefs.Predicates, PluginKind.Predicate);
        EnrichConverters(definition, config);

        var result = definition.Validate(config);
        if (connector?.Kind == PluginKind.Sink)
        {
            errors.AddRange(SinkTopicRules.Check(config));
        }

        errors.AddRange(TransformRules.Check(config));
        if (connector?.Validator is not null)
        {
            errors.AddRange(connector.Validator(config));
        }

        errors.AddRange(PluginValidators(config));
        return result.With(errors);
    }

    private PluginDescriptor? ResolveConnector(IReadOnlyDictionary<string, string> config, List<ConfigProblem> errors)
    {
        if (!config.TryGetValue(ConnectorConfig.ConnectorClassKey, out var connectorClass) || string.IsNullOrWhiteSpace(connectorClass))
        {
            return null;
        }

        var (plugin, ambiguous) = _registry.Lookup(connectorClass, [PluginKind.Source, PluginKind.Sink]);
        if (plugin is not null)
        {
            return plugin;
        }

        var available = _registry.OfKind(PluginKind.Source, PluginKind.Sink).Select(p => p.ClassName).Order(StringComparer.Ordinal);
        var message = ambiguous.Count > 0
            ? $"Connector class alias {connectorClass.Trim()} is ambiguous; use one of: {string.Join(", ", ambiguous)}"
            : $"Failed to find any class that implements Connector and which name matches {connectorClass.Trim()}, available connectors are: {string.Join(", ", available)}";
        errors.Add(new ConfigProblem(ConnectorConfig.ConnectorClassKey, message));
        return null;
    }

    private void EnrichAliases(ConfigDef definition, IReadOnlyDictionary<string, string> config, string aliasKey, PluginKind kind)
    {
        if (!config.TryGetValue(aliasKey, out var aliasText))
        {
            return;
        }

        var noun = kind == PluginKind.Transformation ? "transformation" : "predicate";
        foreach (var alias in ConfigValueParser.SplitList(JavaText.Trim(aliasText)).Distinct(StringComparer.Ordinal))
        {
            var prefix = $"{aliasKey}.{alias}.";
            var typeKey = prefix + "type";
            definition.Define(new ConfigKey(typeKey, ConfigType.Class)
            {
                Validator = LambdaValidator.With((name, value) => EnsureKnown(name, value, kind), $"a registered {noun}"),
                Importance = Importance.High,
                Group = $"{char.ToUpperInvariant(noun[0])}{noun[1..]}s: {alias}",
                Documentation = $"Class for the '{alias}' {noun}.",
            });
            var masked = new List<string> { "type" };
            if (kind == PluginKind.Transformation)
            {
                definition.Define(prefix + TransformChain.PredicateKey, ConfigType.String, "", Importance.Medium, "Alias of the predicate deciding whether to apply the transformation.");
                definition.Define(prefix + TransformChain.NegateKey, ConfigType.Boolean, false, Importance.Medium, "Whether to negate the predicate.");
                masked.AddRange([TransformChain.PredicateKey, TransformChain.NegateKey]);
            }

            if (config.TryGetValue(typeKey, out var type) && _registry.Lookup(type, [kind]).Plugin is { Config: { } pluginConfig })
            {
                EmbedMissing(definition, prefix, pluginConfig, masked);
            }
        }
    }

    private void EnrichConverters(ConfigDef definition, IReadOnlyDictionary<string, string> config)
    {
        foreach (var property in new[] { ConnectConfigDefs.KeyConverter, ConnectConfigDefs.ValueConverter, ConnectConfigDefs.HeaderConverter })
        {
            var kinds = property == ConnectConfigDefs.HeaderConverter ? new[] { PluginKind.HeaderConverter, PluginKind.Converter } : [PluginKind.Converter];
            var key = definition.Keys[property];
            var replaced = key with { Validator = LambdaValidator.With((name, value) => EnsureKnown(name, value, kinds), "a registered converter") };
            definition.Replace(replaced);
            if (config.TryGetValue(property, out var className) && _registry.Lookup(className, kinds).Plugin is { Config: { } converterConfig })
            {
                EmbedMissing(definition, property + ".", converterConfig, []);
            }
        }
    }

    private IEnumerable<ConfigProblem> PluginValidators(IReadOnlyDictionary<string, string> config)
    {
        foreach (var (aliasKey, kind) in new[] { (ConnectConfigDefs.Transforms, PluginKind.Transformation), (ConnectConfigDefs.Predicates, PluginKind.Predicate) })
        {
            if (!config.TryGetValue(aliasKey, out var aliasText))
            {
                continue;
            }

            foreach (var alias in ConfigValueParser.SplitList(JavaText.Trim(aliasText)).Distinct(StringComparer.Ordinal))
            {
                var prefix = $"{aliasKey}.{alias}.";
                if (config.TryGetValue(prefix + "type", out var type) && _registry.Lookup(type, [kind]).Plugin is { Validator: { } validator })
                {
                    foreach (var problem in validator(ConfigPrefix.WithPrefix(config, prefix)))
                    {
                        yield return problem with { Key = problem.Key is null ? null : prefix + problem.Key };
                    }
                }
            }
        }
    }

    private void EnsureKnown(string name, object? value, params PluginKind[] kinds)
    {
        if (value is string className && _registry.Lookup(className, kinds).Plugin is null)
        {
            throw new ConfigException(name, value, $"Class {className} could not be found.");
        }
    }

    private static void EmbedMissing(ConfigDef target, string prefix, ConfigDef source, IReadOnlyCollection<string> masked)
    {
        var filtered = new ConfigDef();
        foreach (var key in source.Keys.Values)
        {
            if (!masked.Contains(key.Name) && !target.Keys.ContainsKey(prefix + key.Name))
            {
                filtered.Define(key);
            }
        }

        target.Embed(prefix, filtered);
    }
}
