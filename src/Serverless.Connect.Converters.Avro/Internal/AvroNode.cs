namespace Serverless.Connect.Converters.Avro.Internal;

/// <summary>
/// An Avro schema as a mutable tree while it is being built and read-only afterwards. It keeps what Apache.Avro's model
/// does not: property order, raw JSON property values and invalid logical types, all of which Confluent's converter sees.
/// </summary>
internal sealed class AvroNode
{
    private static readonly AvroNode[] _primitives = CreatePrimitives();
    private Dictionary<string, AvroField>? _fieldsByName;

    public AvroNode(AvroType type)
    {
        Type = type;
    }

    public AvroType Type { get; }

    /// <summary>Gets or sets the short name of a record, enum or fixed schema.</summary>
    public string? Name { get; set; }

    /// <summary>Gets or sets the namespace of a named schema (<see langword="null"/> or empty: none).</summary>
    public string? Namespace { get; set; }

    public string? FullName => string.IsNullOrEmpty(Namespace) ? Name : Namespace + "." + Name;

    public string? Doc { get; set; }

    public List<AvroField> Fields { get; } = [];

    public List<string> Symbols { get; } = [];

    public string? EnumDefault { get; set; }

    public int FixedSize { get; set; }

    public AvroNode? Items { get; set; }

    public AvroNode? Values { get; set; }

    public List<AvroNode> Branches { get; } = [];

    public List<string> Aliases { get; } = [];

    public AvroProperties Properties { get; } = new();

    public bool IsNamed => Type is AvroType.Record or AvroType.Enum or AvroType.Fixed;

    /// <summary>Gets or sets the Apache.Avro schema compiled from this node (set once, before the node is shared).</summary>
    public global::Avro.Schema? Codec { get; set; }

    public string? LogicalType => Properties.GetString(ConnectAvroNames.LogicalTypeProp);

    /// <summary>Gets a shared property-less primitive node; never add properties to it.</summary>
    public static AvroNode Primitive(AvroType type) => _primitives[(int)type];

    public static AvroNode Union(params AvroNode[] branches)
    {
        var union = new AvroNode(AvroType.Union);
        union.Branches.AddRange(branches);
        return union;
    }

    public AvroField? FieldByName(string name)
    {
        if (_fieldsByName is null)
        {
            var map = new Dictionary<string, AvroField>(Fields.Count, StringComparer.Ordinal);
            foreach (var field in Fields)
            {
                map.TryAdd(field.Name, field);
            }

            _fieldsByName = map;
        }

        return _fieldsByName.TryGetValue(name, out var found) ? found : null;
    }

    public void AddField(AvroField field)
    {
        field.Position = Fields.Count;
        Fields.Add(field);
        _fieldsByName = null;
    }

    /// <summary>Gets the Avro type name (<c>int</c>, <c>record</c>, …).</summary>
    public static string TypeName(AvroType type) => type switch
    {
        AvroType.Null => "null",
        AvroType.Boolean => "boolean",
        AvroType.Int => "int",
        AvroType.Long => "long",
        AvroType.Float => "float",
        AvroType.Double => "double",
        AvroType.Bytes => "bytes",
        AvroType.String => "string",
        AvroType.Record => "record",
        AvroType.Enum => "enum",
        AvroType.Array => "array",
        AvroType.Map => "map",
        AvroType.Union => "union",
        _ => "fixed",
    };

    public static bool TryParsePrimitive(string name, out AvroType type)
    {
        switch (name)
        {
            case "null": type = AvroType.Null; return true;
            case "boolean": type = AvroType.Boolean; return true;
            case "int": type = AvroType.Int; return true;
            case "long": type = AvroType.Long; return true;
            case "float": type = AvroType.Float; return true;
            case "double": type = AvroType.Double; return true;
            case "bytes": type = AvroType.Bytes; return true;
            case "string": type = AvroType.String; return true;
            default: type = AvroType.Null; return false;
        }
    }

    public override string ToString() => FullName ?? TypeName(Type);

    private static AvroNode[] CreatePrimitives()
    {
        var nodes = new AvroNode[(int)AvroType.Fixed + 1];
        for (var i = 0; i < nodes.Length; i++)
        {
            nodes[i] = new AvroNode((AvroType)i);
        }

        return nodes;
    }
}
