namespace Serverless.Connect.Configuration.Internal;

/// <summary>A mapping with string keys in document order; duplicate keys were already resolved (last wins).</summary>
internal sealed record DocMapping(IReadOnlyList<KeyValuePair<string, DocNode>> Entries, int Line, int Column) : DocNode(Line, Column)
{
    public override string KindName => "mapping";

    public DocNode? Get(string key)
    {
        foreach (var (k, v) in Entries)
        {
            if (string.Equals(k, key, StringComparison.Ordinal))
            {
                return v;
            }
        }

        return null;
    }

    public string? GetText(string key) => Get(key) is DocScalar s ? s.Text : null;

    public bool Contains(string key) => Get(key) is not null;
}
