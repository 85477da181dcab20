using Serverless.Connect.Configuration.Validation;

namespace Serverless.Connect.Configuration.Plugins;

/// <summary>What a project registers about one plugin it implements: the Java class name users write, and its settings.</summary>
public sealed record PluginDescriptor
{
    /// <summary>Creates a descriptor.</summary>
    /// <param name="className">The fully qualified Java class name users write, for example <c>io.confluent.connect.s3.S3SinkConnector</c>.</param>
    /// <param name="kind">The plugin kind.</param>
    public PluginDescriptor(string className, PluginKind kind)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(className);
        ClassName = className;
        Kind = kind;
    }

    /// <summary>
    /// A descriptor whose <see cref="Validator"/> parses the settings with <paramref name="config"/> and, only when they
    /// parse, applies <paramref name="crossFieldRules"/> (the rules between keys, which need typed values).
    /// </summary>
    /// <param name="className">The fully qualified Java class name.</param>
    /// <param name="kind">The plugin kind.</param>
    /// <param name="config">The plugin's settings.</param>
    /// <param name="crossFieldRules">The checks between keys, on the parsed configuration.</param>
    /// <returns>The descriptor.</returns>
    public static PluginDescriptor WithCrossFieldRules(
        string className, PluginKind kind, ConfigDef config, Func<ParsedConfig, IEnumerable<ConfigProblem>> crossFieldRules)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(crossFieldRules);
        return new PluginDescriptor(className, kind)
        {
            Config = config,
            Validator = props =>
            {
                // Per-key problems are reported from Config already; rules between keys need every key to parse.
                var result = config.Validate(props);
                return result.IsValid ? crossFieldRules(result.Config!) : [];
            },
        };
    }

    /// <summary>The fully qualified Java class name.</summary>
    public string ClassName { get; init; }

    /// <summary>The plugin kind.</summary>
    public PluginKind Kind { get; init; }

    /// <summary>The plugin's own settings (without the <c>transforms.&lt;alias&gt;.</c> or converter prefix), or null when it has none to check.</summary>
    public ConfigDef? Config { get; init; }

    /// <summary>Extra names accepted besides the class name and Connect's automatic aliases (simple name, simple name without the kind suffix).</summary>
    public IReadOnlyList<string> Aliases { get; init; } = [];

    /// <summary>The plugin version reported to users, or null.</summary>
    public string? Version { get; init; }

    /// <summary>
    /// Cross-field checks beyond <see cref="Config"/>. Receives the plugin's own settings (the whole connector configuration
    /// for connectors; the prefix-stripped sub-configuration for transformations, predicates and converters) and returns
    /// problems whose keys are relative to the same view.
    /// </summary>
    public Func<IReadOnlyDictionary<string, string>, IEnumerable<ConfigProblem>>? Validator { get; init; }
}
