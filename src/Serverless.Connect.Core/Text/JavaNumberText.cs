using System.Globalization;

namespace Serverless.Connect.Text;

/// <summary>Java's <c>Double.toString</c> / <c>Float.toString</c> text: <c>1.0</c>, <c>1.0E7</c>, <c>1.0E-4</c>, <c>NaN</c>, <c>Infinity</c>.</summary>
public static class JavaNumberText
{
    /// <summary>Formats like Java's <c>Double.toString(value)</c> (shortest round-trip digits, Java's notation).</summary>
    /// <param name="value">The value.</param>
    public static string ToJavaString(double value) => Format(value, value.ToString("E16", CultureInfo.InvariantCulture),
        value.ToString("R", CultureInfo.InvariantCulture));

    /// <summary>Formats like Java's <c>Float.toString(value)</c>.</summary>
    /// <param name="value">The value.</param>
    public static string ToJavaString(float value) => Format(value, value.ToString("E8", CultureInfo.InvariantCulture),
        value.ToString("R", CultureInfo.InvariantCulture));

    private static string Format(double value, string scientific, string shortest)
    {
        if (double.IsNaN(value))
        {
            return "NaN";
        }

        if (double.IsInfinity(value))
        {
            return value > 0 ? "Infinity" : "-Infinity";
        }

        if (value == 0)
        {
            return double.IsNegative(value) ? "-0.0" : "0.0";
        }

        var negative = value < 0;
        var exponent = int.Parse(scientific.AsSpan(scientific.IndexOf('E', StringComparison.Ordinal) + 1), CultureInfo.InvariantCulture);

        // The shortest round-trip digits, without sign, point or exponent.
        var mantissa = shortest.TrimStart('-');
        var e = mantissa.IndexOf('E', StringComparison.Ordinal);
        if (e >= 0)
        {
            mantissa = mantissa[..e];
        }

        var digits = mantissa.Replace(".", string.Empty, StringComparison.Ordinal).TrimStart('0').TrimEnd('0');
        if (digits.Length == 0)
        {
            digits = "0";
        }

        string text;
        if (exponent is >= -3 and < 7)
        {
            var pointAt = exponent + 1;
            text = pointAt <= 0
                ? "0." + new string('0', -pointAt) + digits
                : pointAt >= digits.Length
                    ? digits + new string('0', pointAt - digits.Length) + ".0"
                    : digits[..pointAt] + "." + digits[pointAt..];
        }
        else
        {
            text = digits[..1] + "." + (digits.Length > 1 ? digits[1..] : "0") + "E" + exponent.ToString(CultureInfo.InvariantCulture);
        }

        return negative ? "-" + text : text;
    }
}
