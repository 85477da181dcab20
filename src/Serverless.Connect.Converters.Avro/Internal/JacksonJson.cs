using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Serverless.Connect.Text;

namespace Serverless.Connect.Converters.Avro.Internal;

/// <summary>
/// Writes compact JSON the way Jackson does for Avro's <c>Schema.toString()</c>: only <c>"</c>, <c>\</c> and control
/// characters are escaped, and floating-point numbers use Java's <c>Double.toString</c>/<c>Float.toString</c> text.
/// </summary>
internal static class JacksonJson
{
    public static void AppendString(StringBuilder sb, string value)
    {
        sb.Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"':
                    sb.Append("\\\"");
                    break;
                case '\\':
                    sb.Append("\\\\");
                    break;
                case '\n':
                    sb.Append("\\n");
                    break;
                case '\r':
                    sb.Append("\\r");
                    break;
                case '\t':
                    sb.Append("\\t");
                    break;
                case '\b':
                    sb.Append("\\b");
                    break;
                case '\f':
                    sb.Append("\\f");
                    break;
                default:
                    if (c < 0x20)
                    {
                        sb.Append("\\u00").Append(((int)c).ToString("X2", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        sb.Append(c);
                    }

                    break;
            }
        }

        sb.Append('"');
    }

    public static void AppendNode(StringBuilder sb, JsonNode? node)
    {
        switch (node)
        {
            case null:
                sb.Append("null");
                break;
            case JsonObject obj:
                sb.Append('{');
                var first = true;
                foreach (var (key, value) in obj)
                {
                    if (!first)
                    {
                        sb.Append(',');
                    }

                    first = false;
                    AppendString(sb, key);
                    sb.Append(':');
                    AppendNode(sb, value);
                }

                sb.Append('}');
                break;
            case JsonArray array:
                sb.Append('[');
                for (var i = 0; i < array.Count; i++)
                {
                    if (i > 0)
                    {
                        sb.Append(',');
                    }

                    AppendNode(sb, array[i]);
                }

                sb.Append(']');
                break;
            case JsonValue value:
                AppendValue(sb, value);
                break;
        }
    }

    public static string ToText(JsonNode? node)
    {
        var sb = new StringBuilder();
        AppendNode(sb, node);
        return sb.ToString();
    }

    private static void AppendValue(StringBuilder sb, JsonValue value)
    {
        if (value.TryGetValue<JsonElement>(out var element))
        {
            switch (element.ValueKind)
            {
                case JsonValueKind.String:
                    AppendString(sb, element.GetString()!);
                    return;
                case JsonValueKind.Object:
                case JsonValueKind.Array:
                    AppendNode(sb, JsonNode.Parse(element.GetRawText()));
                    return;
                default:
                    sb.Append(element.GetRawText());
                    return;
            }
        }

        if (value.TryGetValue<string>(out var text))
        {
            AppendString(sb, text);
        }
        else if (value.TryGetValue<bool>(out var flag))
        {
            sb.Append(flag ? "true" : "false");
        }
        else if (value.TryGetValue<int>(out var i32))
        {
            sb.Append(i32.ToString(CultureInfo.InvariantCulture));
        }
        else if (value.TryGetValue<long>(out var i64))
        {
            sb.Append(i64.ToString(CultureInfo.InvariantCulture));
        }
        else if (value.TryGetValue<float>(out var f32))
        {
            sb.Append(FloatText(f32));
        }
        else if (value.TryGetValue<double>(out var f64))
        {
            sb.Append(DoubleText(f64));
        }
        else
        {
            sb.Append(value.ToJsonString());
        }
    }

    // Jackson writes non-finite numbers as bare tokens; Avro schemas with such defaults are unusual but keep the text.
    private static string FloatText(float value) => float.IsFinite(value) ? JavaNumberText.ToJavaString(value) : "\"" + JavaNumberText.ToJavaString(value) + "\"";

    private static string DoubleText(double value) => double.IsFinite(value) ? JavaNumberText.ToJavaString(value) : "\"" + JavaNumberText.ToJavaString(value) + "\"";
}
