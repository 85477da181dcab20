namespace Serverless.Connect.Configuration.Validation;

/// <summary>The definition of one configuration key (Kafka's <c>ConfigDef.ConfigKey</c>).</summary>
public sealed record ConfigKey
{
    /// <summary>Creates a key definition; every other property has a sensible default.</summary>
    /// <param name="name">The configuration key, for example <c>flush.size</c>.</param>
    /// <param name="type">The value type.</param>
    public ConfigKey(string name, ConfigType type)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        Name = name;
        Type = type;
    }

    /// <summary>The configuration key.</summary>
    public string Name { get; init; }

    /// <summary>The value type.</summary>
    public ConfigType Type { get; init; }

    /// <summary>The default (typed, or a string parsed with <see cref="Type"/>); <see cref="ConfigDef.NoDefaultValue"/> makes the key required.</summary>
    /// <value>Defaults to <see cref="ConfigDef.NoDefaultValue"/>.</value>
    public object? DefaultValue { get; init; } = ConfigDef.NoDefaultValue;

    /// <summary>Whether the key has a default (possibly null); keys without one are required.</summary>
    public bool HasDefault => !ReferenceEquals(DefaultValue, ConfigDef.NoDefaultValue);

    /// <summary>Extra validation of the parsed value, or null.</summary>
    public IConfigValidator? Validator { get; init; }

    /// <summary>How likely users are to need to set the key.</summary>
    /// <value>Defaults to <see cref="Importance.Medium"/>.</value>
    public Importance Importance { get; init; } = Importance.Medium;

    /// <summary>What the key does.</summary>
    public string Documentation { get; init; } = string.Empty;

    /// <summary>The documentation group, or null.</summary>
    public string? Group { get; init; }

    /// <summary>The position within <see cref="Group"/>.</summary>
    public int OrderInGroup { get; init; }

    /// <summary>A display name for user interfaces, or null.</summary>
    public string? DisplayName { get; init; }

    /// <summary>When non-null the key still works but setting it produces this warning text.</summary>
    public string? DeprecationMessage { get; init; }

    /// <summary>Whether setting the key produces a deprecation warning.</summary>
    public bool IsDeprecated => DeprecationMessage is not null || IsRemoved || ReplacedBy is not null;

    /// <summary>Whether the key is no longer used: it is accepted with a warning and otherwise ignored.</summary>
    public bool IsRemoved { get; init; }

    /// <summary>For a renamed key, the key that now carries its value; null otherwise.</summary>
    public string? ReplacedBy { get; init; }
}
