namespace Serverless.Connect.Deployment.Yaml;

/// <summary>A node of a YAML document to emit: a mapping, a sequence or a scalar.</summary>
public abstract record YamlValue
{
    /// <summary>Text shorthand.</summary>
    /// <param name="text">The string.</param>
    public static implicit operator YamlValue(string text) => new YamlText(text);

    /// <summary>Integer shorthand.</summary>
    /// <param name="number">The number.</param>
    public static implicit operator YamlValue(long number) => new YamlNumber(number);

    /// <summary>Boolean shorthand.</summary>
    /// <param name="value">The value.</param>
    public static implicit operator YamlValue(bool value) => new YamlBool(value);

    /// <summary>Text node (named alternative to the implicit conversion).</summary>
    /// <param name="text">The string.</param>
    /// <returns>The node.</returns>
    public static YamlValue FromString(string text) => new YamlText(text);

    /// <summary>Number node (named alternative to the implicit conversion).</summary>
    /// <param name="number">The number.</param>
    /// <returns>The node.</returns>
    public static YamlValue FromInt64(long number) => new YamlNumber(number);

    /// <summary>Boolean node (named alternative to the implicit conversion).</summary>
    /// <param name="value">The value.</param>
    /// <returns>The node.</returns>
    public static YamlValue FromBoolean(bool value) => new YamlBool(value);
}
