namespace Serverless.Connect.CdcReader.Internal;

/// <summary>An outbox table the cleanup deletes from: <c>schema.table</c> and the record key's columns.</summary>
/// <param name="Schema">The schema.</param>
/// <param name="Name">The table.</param>
/// <param name="Columns">The key columns, in key-schema order.</param>
internal sealed record OutboxTable(string Schema, string Name, string[] Columns)
{
    public string Id => Schema + "." + Name;

    public string QuotedName => Quote(Schema) + "." + Quote(Name);

    public static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
