using System.Text.Json.Nodes;

namespace Serverless.Connect.Converters.Avro.Internal;

/// <summary>A field of an Avro record schema.</summary>
internal sealed class AvroField
{
    public AvroField(string name, AvroNode schema, string? doc, bool hasDefault, JsonNode? defaultValue)
    {
        Name = name;
        Schema = schema;
        Doc = doc;
        HasDefault = hasDefault;
        DefaultValue = defaultValue;
    }

    public string Name { get; }

    public AvroNode Schema { get; }

    public string? Doc { get; }

    /// <summary>Gets a value indicating whether the field declares a default; a JSON <c>null</c> default is a null <see cref="DefaultValue"/>.</summary>
    public bool HasDefault { get; }

    public JsonNode? DefaultValue { get; }

    public string? Order { get; init; }

    public IReadOnlyList<string> Aliases { get; init; } = [];

    public AvroProperties Properties { get; } = new();

    public int Position { get; set; }
}
