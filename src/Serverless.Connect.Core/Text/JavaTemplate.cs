namespace Serverless.Connect.Text;

/// <summary>
/// <c>${name}</c> placeholders the way Kafka's <c>TimestampRouter</c> expands <c>topic.format</c>: each placeholder is
/// replaced literally everywhere, one name after the other, so a value inserted earlier is itself searched by later
/// replacements (Kafka replaces <c>${topic}</c> first, then <c>${timestamp}</c>). Unknown placeholders stay as they are.
/// </summary>
public static class JavaTemplate
{
    /// <summary>Kafka's <c>TimestampRouter</c> default <c>topic.format</c>.</summary>
    public const string TimestampRouterDefaultFormat = "${topic}-${timestamp}";

    /// <summary>Replaces every <c>${name}</c> with <paramref name="value"/> verbatim (no <c>$</c> or <c>\</c> processing).</summary>
    /// <param name="template">The template.</param>
    /// <param name="name">Placeholder name, without <c>${</c> and <c>}</c>.</param>
    /// <param name="value">Replacement text.</param>
    public static string Replace(string template, string name, string value)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(value);
        return template.Replace("${" + name + "}", value, StringComparison.Ordinal);
    }

    /// <summary>Applies <see cref="Replace"/> for each pair, in the given order.</summary>
    /// <param name="template">The template.</param>
    /// <param name="values">Placeholder names and values, applied in sequence.</param>
    public static string Substitute(string template, params IEnumerable<(string Name, string Value)> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var result = template;
        foreach (var (name, value) in values)
        {
            result = Replace(result, name, value);
        }

        return result;
    }

    /// <summary>The topic <c>TimestampRouter</c> produces: <c>${topic}</c> first, then <c>${timestamp}</c>.</summary>
    /// <param name="topicFormat">The <c>topic.format</c> setting.</param>
    /// <param name="topic">The record's topic.</param>
    /// <param name="formattedTimestamp">The record timestamp formatted with <c>timestamp.format</c>.</param>
    public static string TimestampRouterTopic(string topicFormat, string topic, string formattedTimestamp) =>
        Substitute(topicFormat, ("topic", topic), ("timestamp", formattedTimestamp));
}
