namespace Serverless.Connect.Deployment.Yaml;

/// <summary>A sequence, emitted in insertion order.</summary>
public sealed record YamlList : YamlValue
{
    /// <summary>Creates a sequence.</summary>
    /// <param name="items">The items.</param>
    public YamlList(params IEnumerable<YamlValue> items)
    {
        Items = [.. items];
    }

    /// <summary>The items.</summary>
    public IReadOnlyList<YamlValue> Items { get; }
}
