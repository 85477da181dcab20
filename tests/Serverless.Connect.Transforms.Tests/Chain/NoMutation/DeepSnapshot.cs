using System.Collections;
using System.Globalization;
using System.Text;
using Serverless.Connect.Data;

namespace Serverless.Connect.Transforms.Tests.Chain.NoMutation;

/// <summary>
/// A canonical text of everything reachable from a record — schemas (defaults included), values with their concrete
/// .NET types, container contents in enumeration order, bytes, headers — so any in-place change shows as a difference.
/// </summary>
internal static class DeepSnapshot
{
    public static string Of(ConnectRecord record)
    {
        var sb = new StringBuilder();
        sb.Append("topic=").Append(Text(record.Topic))
            .Append("|partition=").Append(record.KafkaPartition?.ToString(CultureInfo.InvariantCulture) ?? "null")
            .Append("|offset=").Append(record.KafkaOffset.ToString(CultureInfo.InvariantCulture))
            .Append("|ts=").Append(record.Timestamp?.ToString(CultureInfo.InvariantCulture) ?? "null")
            .Append("|tsType=").Append(record.TimestampType)
            .Append("|keySchema=");
        AppendSchema(sb, record.KeySchema);
        sb.Append("|key=");
        AppendValue(sb, record.Key);
        sb.Append("|valueSchema=");
        AppendSchema(sb, record.ValueSchema);
        sb.Append("|value=");
        AppendValue(sb, record.Value);
        sb.Append("|headers=[");
        foreach (var header in record.Headers)
        {
            sb.Append(Text(header.Key)).Append(':');
            AppendSchema(sb, header.Schema);
            sb.Append(':');
            AppendValue(sb, header.Value);
            sb.Append(';');
        }

        return sb.Append(']').ToString();
    }

    private static void AppendSchema(StringBuilder sb, Schema? schema)
    {
        if (schema is null)
        {
            sb.Append("null");
            return;
        }

        sb.Append('{').Append(schema.Type).Append(schema.IsOptional ? "?" : "!")
            .Append(",name=").Append(schema.Name is null ? "null" : Text(schema.Name))
            .Append(",v=").Append(schema.Version?.ToString(CultureInfo.InvariantCulture) ?? "null")
            .Append(",doc=").Append(schema.Doc is null ? "null" : Text(schema.Doc))
            .Append(",params=");
        if (schema.Parameters is null)
        {
            sb.Append("null");
        }
        else
        {
            foreach (var (key, value) in schema.Parameters)
            {
                sb.Append(Text(key)).Append('=').Append(Text(value)).Append(';');
            }
        }

        sb.Append(",default=");
        AppendValue(sb, schema.DefaultValue);
        if (schema.KeySchema is not null)
        {
            sb.Append(",key=");
            AppendSchema(sb, schema.KeySchema);
        }

        if (schema.ValueSchema is not null)
        {
            sb.Append(",value=");
            AppendSchema(sb, schema.ValueSchema);
        }

        foreach (var field in schema.Fields)
        {
            sb.Append(",f").Append(field.Index.ToString(CultureInfo.InvariantCulture)).Append(Text(field.Name)).Append('=');
            AppendSchema(sb, field.Schema);
        }

        sb.Append('}');
    }

    private static void AppendValue(StringBuilder sb, object? value)
    {
        switch (value)
        {
            case null:
                sb.Append("null");
                break;
            case string s:
                sb.Append("s").Append(Text(s));
                break;
            case bool b:
                sb.Append(b ? "true" : "false");
                break;
            case sbyte or short or int or long or byte or ushort or uint or ulong:
                sb.Append(value.GetType().Name).Append(':').Append(((IFormattable)value).ToString(null, CultureInfo.InvariantCulture));
                break;
            case float f:
                sb.Append("f32:").Append(BitConverter.SingleToInt32Bits(f).ToString("x8", CultureInfo.InvariantCulture));
                break;
            case double d:
                sb.Append("f64:").Append(BitConverter.DoubleToInt64Bits(d).ToString("x16", CultureInfo.InvariantCulture));
                break;
            case byte[] bytes:
                sb.Append("bytes:").Append(Convert.ToHexString(bytes));
                break;
            case ConnectDecimal dec:
                sb.Append("dec:").Append(dec.Unscaled.ToString(CultureInfo.InvariantCulture)).Append('/').Append(dec.Scale.ToString(CultureInfo.InvariantCulture));
                break;
            case DateOnly date:
                sb.Append("date:").Append(date.DayNumber.ToString(CultureInfo.InvariantCulture));
                break;
            case TimeOnly time:
                sb.Append("time:").Append(time.Ticks.ToString(CultureInfo.InvariantCulture));
                break;
            case DateTimeOffset instant:
                sb.Append("instant:").Append(instant.UtcTicks.ToString(CultureInfo.InvariantCulture)).Append('@').Append(instant.Offset.Ticks.ToString(CultureInfo.InvariantCulture));
                break;
            case Struct structValue:
                sb.Append("struct");
                AppendSchema(sb, structValue.Schema);
                sb.Append('{');
                foreach (var field in structValue.Schema.Fields)
                {
                    AppendValue(sb, structValue.GetWithoutDefault(field));
                    sb.Append(';');
                }

                sb.Append('}');
                break;
            case IReadOnlyDictionary<object, object?> map:
                sb.Append("map:").Append(value.GetType().Name).Append('{');
                foreach (var (key, entry) in map)
                {
                    AppendValue(sb, key);
                    sb.Append('=');
                    AppendValue(sb, entry);
                    sb.Append(';');
                }

                sb.Append('}');
                break;
            case IDictionary dictionary:
                sb.Append("dict:").Append(value.GetType().Name).Append('{');
                foreach (DictionaryEntry entry in dictionary)
                {
                    AppendValue(sb, entry.Key);
                    sb.Append('=');
                    AppendValue(sb, entry.Value);
                    sb.Append(';');
                }

                sb.Append('}');
                break;
            case IEnumerable items:
                sb.Append("list:").Append(value.GetType().Name).Append('[');
                foreach (var item in items)
                {
                    AppendValue(sb, item);
                    sb.Append(';');
                }

                sb.Append(']');
                break;
            default:
                sb.Append(value.GetType().FullName).Append(':').Append(value);
                break;
        }
    }

    private static string Text(string text) => text.Length.ToString(CultureInfo.InvariantCulture) + "\"" + text + "\"";
}
