using System.Collections;

namespace Serverless.Connect.Deployment.Yaml;

/// <summary>A mapping, emitted in insertion order (so generated manifests are stable); null values are left out.</summary>
public sealed record YamlMap : YamlValue, IEnumerable<KeyValuePair<string, YamlValue>>
{
    private readonly List<KeyValuePair<string, YamlValue>> _entries = [];

    /// <summary>The entries in insertion order.</summary>
    public IReadOnlyList<KeyValuePair<string, YamlValue>> Entries => _entries;

    /// <summary>Adds an entry; a null value adds nothing, so optional fields read naturally in initializers.</summary>
    /// <param name="key">The key.</param>
    /// <param name="value">The value, or null.</param>
    public void Add(string key, YamlValue? value)
    {
        if (value is null)
        {
            return;
        }

        if (_entries.Exists(e => e.Key == key))
        {
            throw new ArgumentException($"duplicate key {key}", nameof(key));
        }

        _entries.Add(new(key, value));
    }

    /// <summary>Adds a text entry; a null value adds nothing.</summary>
    /// <param name="key">The key.</param>
    /// <param name="value">The text, or null.</param>
    public void Add(string key, string? value)
    {
        if (value is not null)
        {
            Add(key, new YamlText(value));
        }
    }

    /// <inheritdoc />
    public IEnumerator<KeyValuePair<string, YamlValue>> GetEnumerator() => _entries.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
