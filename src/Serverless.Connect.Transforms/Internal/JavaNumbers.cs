using System.Globalization;
using System.Numerics;
using Serverless.Connect.Data;

namespace Serverless.Connect.Transforms.Internal;

/// <summary>Java's numeric parsing and narrowing conversions (<c>Number.byteValue()</c> and friends).</summary>
internal static class JavaNumbers
{
    private static readonly BigInteger _low64Mask = ulong.MaxValue;

    /// <summary>Java's <c>new BigInteger(text)</c>: an optional sign then ASCII digits.</summary>
    public static bool TryParseBigInteger(string text, out BigInteger value)
    {
        value = default;
        var digitsStart = text.Length > 0 && text[0] is '+' or '-' ? 1 : 0;
        return text.Length > digitsStart &&
            text.AsSpan(digitsStart).IndexOfAnyExceptInRange('0', '9') < 0 &&
            BigInteger.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>Java's <c>BigDecimal.longValue()</c>: the integer part, truncated toward zero, keeping the low 64 bits.</summary>
    public static long LongValue(ConnectDecimal value)
    {
        var integer = value.Scale switch
        {
            > 0 => BigInteger.Divide(value.Unscaled, BigInteger.Pow(10, value.Scale)),
            < 0 => value.Unscaled * BigInteger.Pow(10, -value.Scale),
            _ => value.Unscaled,
        };
        return unchecked((long)(ulong)(integer & _low64Mask));
    }

    /// <summary>Java's <c>(long) d</c>: NaN is 0, out-of-range values saturate.</summary>
    public static long LongValue(double value) => value switch
    {
        double.NaN => 0L,
        >= 9.2233720368547758E18 => long.MaxValue,
        <= -9.2233720368547758E18 => long.MinValue,
        _ => (long)value,
    };

    /// <summary>Java's <c>(int) d</c>: NaN is 0, out-of-range values saturate.</summary>
    public static int IntValue(double value) => value switch
    {
        double.NaN => 0,
        >= int.MaxValue => int.MaxValue,
        <= int.MinValue => int.MinValue,
        _ => (int)value,
    };

    /// <summary>Java's <c>Integer.parseInt</c>-style parsing: an optional sign then ASCII digits, within range.</summary>
    public static bool TryParseInteger(string text, long min, long max, out long value)
    {
        value = 0;
        var digitsStart = text.Length > 0 && text[0] is '+' or '-' ? 1 : 0;
        return text.Length > digitsStart &&
            text.AsSpan(digitsStart).IndexOfAnyExceptInRange('0', '9') < 0 &&
            long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value) &&
            value >= min && value <= max;
    }

    /// <summary>
    /// Java's <c>Double.parseDouble</c>: surrounding whitespace ignored, <c>NaN</c>/<c>Infinity</c>, an optional
    /// <c>f</c>/<c>d</c> suffix. Hexadecimal floating-point literals are not supported.
    /// </summary>
    public static bool TryParseDouble(string text, out double value) => TryParseFloating(text, out value, double.TryParse);

    /// <summary>Java's <c>Float.parseFloat</c>, rounding straight to <see cref="float"/>.</summary>
    public static bool TryParseFloat(string text, out float value) => TryParseFloating(text, out value, float.TryParse);

    private delegate bool FloatingParser<T>(string text, NumberStyles styles, IFormatProvider provider, out T value);

    private static bool TryParseFloating<T>(string text, out T value, FloatingParser<T> parse)
        where T : IFloatingPointIeee754<T>
    {
        value = T.Zero;
        var body = JavaStrings.Trim(text);
        var negative = false;
        var unsigned = body;
        if (unsigned.Length > 0 && unsigned[0] is '+' or '-')
        {
            negative = unsigned[0] == '-';
            unsigned = unsigned[1..];
        }

        if (unsigned is "NaN" or "Infinity")
        {
            value = unsigned == "NaN" ? T.NaN : negative ? T.NegativeInfinity : T.PositiveInfinity;
            return true;
        }

        if (unsigned.Length > 0 && unsigned[^1] is 'f' or 'F' or 'd' or 'D')
        {
            unsigned = unsigned[..^1];
        }

        if (unsigned.Length == 0 || unsigned.AsSpan().IndexOfAnyExcept("0123456789.eE+-") >= 0 ||
            !(char.IsAsciiDigit(unsigned[0]) || unsigned[0] == '.'))
        {
            return false;
        }

        if (!parse(unsigned, NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out var parsed))
        {
            return false;
        }

        value = negative ? -parsed : parsed;
        return true;
    }
}
