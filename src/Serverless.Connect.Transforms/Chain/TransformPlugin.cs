using Serverless.Connect.Configuration;
using Serverless.Connect.Configuration.Plugins;
using Serverless.Connect.Configuration.Validation;

namespace Serverless.Connect.Transforms.Chain;

/// <summary>A transformation or predicate class the <see cref="TransformRegistry"/> can create, with its Kafka class name and settings.</summary>
public sealed class TransformPlugin
{
    private readonly Func<IDisposable> _factory;

    private TransformPlugin(string className, PluginKind kind, ConfigDef config, Func<IDisposable> factory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(className);
        ArgumentNullException.ThrowIfNull(config);
        ClassName = className;
        Kind = kind;
        Config = config;
        _factory = factory;
    }

    /// <summary>The fully qualified Java class name users write, for example <c>org.apache.kafka.connect.transforms.RegexRouter</c>.</summary>
    public string ClassName { get; }

    /// <summary><see cref="PluginKind.Transformation"/> or <see cref="PluginKind.Predicate"/>.</summary>
    public PluginKind Kind { get; }

    /// <summary>The plugin's own settings, as Kafka defines them.</summary>
    public ConfigDef Config { get; }

    /// <summary>Extra accepted names besides the class name and Connect's automatic aliases.</summary>
    public IReadOnlyList<string> Aliases { get; init; } = [];

    /// <summary>Describes a transformation.</summary>
    /// <param name="className">The Java class name.</param>
    /// <param name="config">Its settings.</param>
    /// <param name="factory">Creates an unconfigured instance.</param>
    /// <returns>The plugin.</returns>
    public static TransformPlugin Transformation(string className, ConfigDef config, Func<ITransformation> factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        return new TransformPlugin(className, PluginKind.Transformation, config, factory);
    }

    /// <summary>Describes a predicate.</summary>
    /// <param name="className">The Java class name.</param>
    /// <param name="config">Its settings.</param>
    /// <param name="factory">Creates an unconfigured instance.</param>
    /// <returns>The plugin.</returns>
    public static TransformPlugin Predicate(string className, ConfigDef config, Func<IPredicate> factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        return new TransformPlugin(className, PluginKind.Predicate, config, factory);
    }

    /// <summary>Creates an unconfigured transformation.</summary>
    /// <returns>The new instance.</returns>
    /// <exception cref="InvalidOperationException">This plugin is a predicate.</exception>
    public ITransformation CreateTransformation() =>
        Kind == PluginKind.Transformation ? (ITransformation)_factory() : throw new InvalidOperationException($"{ClassName} is not a transformation.");

    /// <summary>Creates an unconfigured predicate.</summary>
    /// <returns>The new instance.</returns>
    /// <exception cref="InvalidOperationException">This plugin is a transformation.</exception>
    public IPredicate CreatePredicate() =>
        Kind == PluginKind.Predicate ? (IPredicate)_factory() : throw new InvalidOperationException($"{ClassName} is not a predicate.");

    /// <summary>
    /// The descriptor for connector validation. Besides the <see cref="Config"/> checks, its validator configures a throwaway
    /// instance when those pass, so cross-field rules (such as <c>HeaderFrom</c>'s equal list lengths) are reported too.
    /// </summary>
    /// <returns>The descriptor.</returns>
    public PluginDescriptor ToDescriptor() => new(ClassName, Kind)
    {
        Config = Config,
        Aliases = Aliases,
        Validator = ValidateByConfiguring,
    };

    /// <inheritdoc/>
    public override string ToString() => ClassName;

    private IEnumerable<ConfigProblem> ValidateByConfiguring(IReadOnlyDictionary<string, string> config)
    {
        if (Config.Validate(config).Errors.Count > 0)
        {
            // Already reported key by key by the definition itself.
            return [];
        }

        using var instance = _factory();
        try
        {
            if (instance is ITransformation transformation)
            {
                transformation.Configure(config);
            }
            else
            {
                ((IPredicate)instance).Configure(config);
            }

            return [];
        }
        catch (ConfigException e)
        {
            return [new ConfigProblem(e.Key, e.Message)];
        }
        catch (Exception e) when (e is ArgumentException or FormatException or NotSupportedException or InvalidOperationException)
        {
            // A plugin rejecting its settings with a non-config exception still makes the configuration invalid.
            return [new ConfigProblem(null, e.Message)];
        }
    }
}
