using System.Globalization;
using System.Text;

namespace Serverless.Connect.Converters.Avro.Internal;

/// <summary>
/// Renders an <see cref="AvroNode"/> as JSON in the order Avro Java's <c>Schema.toString()</c> uses (type, name,
/// namespace, doc, fields/symbols/size/items/values, then properties in insertion order), so the registered text matches
/// what Confluent's converter registers. Named types are written once; later uses are name references.
/// </summary>
internal sealed class AvroSchemaWriter
{
    private readonly StringBuilder _sb = new();
    private readonly Dictionary<string, AvroNode> _defined = new(StringComparer.Ordinal);
    private readonly bool _codec;
    private string? _space;

    private AvroSchemaWriter(bool codec)
    {
        _codec = codec;
    }

    /// <summary>Writes the full schema text (what is registered).</summary>
    public static string Write(AvroNode node)
    {
        var writer = new AvroSchemaWriter(codec: false);
        writer.WriteNode(node);
        return writer._sb.ToString();
    }

    /// <summary>
    /// Writes only the structure (no properties, docs, defaults or logical types) for Apache.Avro's binary codec: values
    /// are converted to and from their underlying Avro types here, so the codec never applies logical conversions.
    /// </summary>
    public static string WriteCodec(AvroNode node)
    {
        var writer = new AvroSchemaWriter(codec: true);
        writer.WriteNode(node);
        return writer._sb.ToString();
    }

    private void WriteNode(AvroNode node)
    {
        switch (node.Type)
        {
            case AvroType.Record:
            case AvroType.Enum:
            case AvroType.Fixed:
                WriteNamed(node);
                break;
            case AvroType.Array:
                Open("array");
                _sb.Append(",\"items\":");
                WriteNode(node.Items!);
                Close(node.Properties);
                break;
            case AvroType.Map:
                Open("map");
                _sb.Append(",\"values\":");
                WriteNode(node.Values!);
                Close(node.Properties);
                break;
            case AvroType.Union:
                _sb.Append('[');
                for (var i = 0; i < node.Branches.Count; i++)
                {
                    if (i > 0)
                    {
                        _sb.Append(',');
                    }

                    WriteNode(node.Branches[i]);
                }

                _sb.Append(']');
                break;
            default:
                if (_codec || node.Properties.Count == 0)
                {
                    JacksonJson.AppendString(_sb, AvroNode.TypeName(node.Type));
                }
                else
                {
                    Open(AvroNode.TypeName(node.Type));
                    Close(node.Properties);
                }

                break;
        }
    }

    private void WriteNamed(AvroNode node)
    {
        var fullName = node.FullName!;
        var space = string.IsNullOrEmpty(node.Namespace) ? null : node.Namespace;
        if (_defined.TryGetValue(fullName, out var existing))
        {
            if (!ReferenceEquals(existing, node))
            {
                throw new Serverless.Connect.Errors.DataException(
                    $"The Avro schema would define {fullName} twice with different structures; give the Connect schemas distinct names");
            }

            JacksonJson.AppendString(_sb, space is null || string.Equals(space, _space, StringComparison.Ordinal) ? node.Name! : fullName);
            return;
        }

        _defined[fullName] = node;
        Open(AvroNode.TypeName(node.Type));
        _sb.Append(",\"name\":");
        JacksonJson.AppendString(_sb, node.Name!);
        if (space is not null)
        {
            if (!string.Equals(space, _space, StringComparison.Ordinal))
            {
                _sb.Append(",\"namespace\":");
                JacksonJson.AppendString(_sb, space);
            }
        }
        else if (_space is not null)
        {
            _sb.Append(",\"namespace\":\"\"");
        }

        AppendDoc(node.Doc);
        switch (node.Type)
        {
            case AvroType.Record:
                var saved = _space;
                _space = space;
                _sb.Append(",\"fields\":[");
                for (var i = 0; i < node.Fields.Count; i++)
                {
                    if (i > 0)
                    {
                        _sb.Append(',');
                    }

                    WriteField(node.Fields[i]);
                }

                _sb.Append(']');
                AppendProperties(node.Properties);
                AppendAliases(node.Aliases);
                _sb.Append('}');
                _space = saved;
                return;
            case AvroType.Enum:
                _sb.Append(",\"symbols\":[");
                for (var i = 0; i < node.Symbols.Count; i++)
                {
                    if (i > 0)
                    {
                        _sb.Append(',');
                    }

                    JacksonJson.AppendString(_sb, node.Symbols[i]);
                }

                _sb.Append(']');
                if (node.EnumDefault is not null && !_codec)
                {
                    _sb.Append(",\"default\":");
                    JacksonJson.AppendString(_sb, node.EnumDefault);
                }

                break;
            default:
                _sb.Append(",\"size\":").Append(node.FixedSize.ToString(CultureInfo.InvariantCulture));
                break;
        }

        AppendProperties(node.Properties);
        AppendAliases(node.Aliases);
        _sb.Append('}');
    }

    private void WriteField(AvroField field)
    {
        _sb.Append("{\"name\":");
        JacksonJson.AppendString(_sb, field.Name);
        _sb.Append(",\"type\":");
        WriteNode(field.Schema);
        if (!_codec)
        {
            AppendDoc(field.Doc);
            if (field.HasDefault)
            {
                _sb.Append(",\"default\":");
                JacksonJson.AppendNode(_sb, field.DefaultValue);
            }

            if (field.Order is not null && !string.Equals(field.Order, "ascending", StringComparison.Ordinal))
            {
                _sb.Append(",\"order\":");
                JacksonJson.AppendString(_sb, field.Order);
            }

            AppendAliases(field.Aliases);
            AppendProperties(field.Properties);
        }

        _sb.Append('}');
    }

    private void Open(string type)
    {
        _sb.Append("{\"type\":");
        JacksonJson.AppendString(_sb, type);
    }

    private void Close(AvroProperties properties)
    {
        AppendProperties(properties);
        _sb.Append('}');
    }

    private void AppendDoc(string? doc)
    {
        if (doc is not null && !_codec)
        {
            _sb.Append(",\"doc\":");
            JacksonJson.AppendString(_sb, doc);
        }
    }

    private void AppendProperties(AvroProperties properties)
    {
        if (_codec)
        {
            return;
        }

        foreach (var (key, value) in properties.Entries)
        {
            _sb.Append(',');
            JacksonJson.AppendString(_sb, key);
            _sb.Append(':');
            JacksonJson.AppendNode(_sb, value);
        }
    }

    private void AppendAliases(IReadOnlyList<string> aliases)
    {
        if (aliases.Count == 0 || _codec)
        {
            return;
        }

        _sb.Append(",\"aliases\":[");
        for (var i = 0; i < aliases.Count; i++)
        {
            if (i > 0)
            {
                _sb.Append(',');
            }

            JacksonJson.AppendString(_sb, aliases[i]);
        }

        _sb.Append(']');
    }
}
