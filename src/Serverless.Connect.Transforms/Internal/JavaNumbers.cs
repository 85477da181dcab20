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
}
