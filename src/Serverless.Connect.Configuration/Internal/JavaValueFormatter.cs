using System.Collections;
using System.Globalization;
using Serverless.Connect.Configuration.Validation;

namespace Serverless.Connect.Configuration.Internal;

/// <summary>Renders values the way Java's <c>toString</c> would, so error messages match Kafka's text.</summary>
internal static class JavaValueFormatter
{
    public static string Format(object? value) => value switch
    {
        null => "null",
        string s => s,
        bool b => b ? "true" : "false",
        Password => Password.Hidden,
        double d => FormatDouble(d),
        float f => FormatDouble(f),
        IEnumerable items => "[" + string.Join(", ", items.Cast<object?>().Select(Format)) + "]",
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };

    /// <summary>Java <c>Double.toString</c>: plain notation in [1e-3, 1e7), otherwise <c>d.dddE±n</c>.</summary>
    public static string FormatDouble(double value)
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

        var sign = value < 0 ? "-" : string.Empty;
        var abs = Math.Abs(value);
        var (digits, exponent) = ShortestDigits(abs);
        if (abs >= 1e-3 && abs < 1e7)
        {
            var pointPosition = exponent + 1;
            if (pointPosition <= 0)
            {
                return sign + "0." + new string('0', -pointPosition) + digits;
            }

            if (pointPosition >= digits.Length)
            {
                return sign + digits + new string('0', pointPosition - digits.Length) + ".0";
            }

            return sign + digits[..pointPosition] + "." + digits[pointPosition..];
        }

        var mantissa = digits[..1] + "." + (digits.Length > 1 ? digits[1..] : "0");
        return sign + mantissa + "E" + exponent.ToString(CultureInfo.InvariantCulture);
    }

    // Shortest round-trip digits of a positive double and the decimal exponent of its first digit.
    private static (string Digits, int Exponent) ShortestDigits(double abs)
    {
        var text = abs.ToString("R", CultureInfo.InvariantCulture);
        var exponent = 0;
        var e = text.IndexOfAny(['E', 'e']);
        if (e >= 0)
        {
            exponent = int.Parse(text[(e + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
            text = text[..e];
        }

        var dot = text.IndexOf('.', StringComparison.Ordinal);
        var digits = dot < 0 ? text : text.Remove(dot, 1);
        var integerLength = dot < 0 ? text.Length : dot;
        var leading = 0;
        while (leading < digits.Length - 1 && digits[leading] == '0')
        {
            leading++;
        }

        digits = digits[leading..].TrimEnd('0');
        if (digits.Length == 0)
        {
            digits = "0";
        }

        return (digits, integerLength - leading - 1 + exponent);
    }
}
