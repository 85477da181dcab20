namespace Serverless.Connect.Sources.Postgres.Internal;

/// <summary>A table selected by the filters.</summary>
internal sealed record CapturedTable(uint Oid, string Schema, string Name)
{
    public string QuotedName => Quote(Schema) + "." + Quote(Name);

    public static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
