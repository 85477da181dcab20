using System.Globalization;
using System.Text;

namespace Serverless.Connect.Data.Internal;

/// <summary>
/// Renders Connect values the way Java's <c>toString()</c> does (used by <see cref="Struct.ToString"/> and the StringConverter):
/// numbers as Java prints them, lists as <c>[a, b]</c>, maps as <c>{k=v, k2=v2}</c>.
/// </summary>
/// <remarks>
/// Java has no useful rendering for <c>byte[]</c> (<c>[B@1b6d3586</c>) or for its Date types (JVM time zone); bytes are
/// rendered as base64 and dates/times in ISO-8601 instead.
/// </remarks>
internal static class ValueText
{
    public static string ToText(object? value)
    {
        if (value is string text)
        {
            return text;
        }

        var sb = new StringBuilder();
        Append(sb, value);
        return sb.ToString();
    }

    public static void Append(StringBuilder sb, object? value)
    {
        switch (value)
        {
            case null:
                sb.Append("null");
                return;
            case string s:
                sb.Append(s);
                return;
            case bool b:
                sb.Append(b ? "true" : "false");
                return;
            case float f:
                sb.Append(JavaFormat.FormatFloat(f));
                return;
            case double d:
                sb.Append(JavaFormat.FormatDouble(d));
                return;
            case byte[] bytes:
                sb.Append(Convert.ToBase64String(bytes));
                return;
            case DateOnly date:
                sb.Append(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                return;
            case TimeOnly time:
                sb.Append(time.ToString("HH:mm:ss.fff", CultureInfo.InvariantCulture));
                return;
            case DateTimeOffset timestamp:
                sb.Append(timestamp.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
                return;
            case Struct or ConnectDecimal:
                sb.Append(value);
                return;
            case IFormattable formattable:
                sb.Append(formattable.ToString(null, CultureInfo.InvariantCulture));
                return;
        }

        if (ConnectValueComparer.IsList(value))
        {
            sb.Append('[');
            var first = true;
            foreach (var element in ConnectValueComparer.Enumerate(value))
            {
                if (!first)
                {
                    sb.Append(", ");
                }

                first = false;
                Append(sb, element);
            }

            sb.Append(']');
            return;
        }

        if (ConnectValueComparer.IsMap(value))
        {
            sb.Append('{');
            var first = true;
            foreach (var (key, entry) in ConnectValueComparer.EnumerateMap(value))
            {
                if (!first)
                {
                    sb.Append(", ");
                }

                first = false;
                Append(sb, key);
                sb.Append('=');
                Append(sb, entry);
            }

            sb.Append('}');
            return;
        }

        sb.Append(value);
    }
}
