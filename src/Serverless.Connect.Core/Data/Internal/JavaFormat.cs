using System.Globalization;
using System.Numerics;

namespace Serverless.Connect.Data.Internal;

/// <summary>
/// Number formatting exactly as Java prints it (<c>Double.toString</c>, <c>Float.toString</c>, <c>BigDecimal.toString</c>),
/// which is what Jackson writes for Connect FLOAT32/FLOAT64/Decimal values. Output is ASCII.
/// </summary>
/// <remarks>
/// Digits are the shortest that round-trip (JDK 19+ semantics, JDK-4511638). Java 17 and older sometimes printed one or two
/// superfluous digits for values needing 16–17 significant digits; those rare outputs are not reproduced.
/// </remarks>
internal static class JavaFormat
{
    /// <summary>Big enough for any double or float rendering.</summary>
    public const int MaxFloatingLength = 32;

    private const double MinNormalDouble = 2.2250738585072014E-308;
    private const float MinNormalFloat = 1.17549435E-38f;

    public static string FormatDouble(double value)
    {
        Span<byte> buffer = stackalloc byte[MaxFloatingLength];
        return System.Text.Encoding.ASCII.GetString(buffer[..FormatDouble(value, buffer)]);
    }

    public static string FormatFloat(float value)
    {
        Span<byte> buffer = stackalloc byte[MaxFloatingLength];
        return System.Text.Encoding.ASCII.GetString(buffer[..FormatFloat(value, buffer)]);
    }

    /// <summary>Writes Java's <c>Double.toString(value)</c> into <paramref name="destination"/>; returns the length.</summary>
    public static int FormatDouble(double value, Span<byte> destination)
    {
        if (!double.IsFinite(value) || value == 0)
        {
            return WriteSpecial(double.IsNaN(value), double.IsPositiveInfinity(value), double.IsNegativeInfinity(value),
                double.IsNegative(value), destination);
        }

        Span<char> text = stackalloc char[MaxFloatingLength];
        value.TryFormat(text, out var length, "R", CultureInfo.InvariantCulture);
        var digits = text[..length];
        if (Math.Abs(value) < MinNormalDouble)
        {
            // Java picks the closest 2-digit decimal when the shortest has only 1 digit (only possible for subnormals).
            Span<char> two = stackalloc char[MaxFloatingLength];
            if (value.TryFormat(two, out var twoLength, "E1", CultureInfo.InvariantCulture) &&
                CountDigits(digits) == 1 &&
                double.Parse(two[..twoLength], NumberStyles.Float, CultureInfo.InvariantCulture) == value)
            {
                digits = two[..twoLength];
            }
        }

        return Layout(digits, destination);
    }

    /// <summary>Writes Java's <c>Float.toString(value)</c> into <paramref name="destination"/>; returns the length.</summary>
    public static int FormatFloat(float value, Span<byte> destination)
    {
        if (!float.IsFinite(value) || value == 0)
        {
            return WriteSpecial(float.IsNaN(value), float.IsPositiveInfinity(value), float.IsNegativeInfinity(value),
                float.IsNegative(value), destination);
        }

        Span<char> text = stackalloc char[MaxFloatingLength];
        value.TryFormat(text, out var length, "R", CultureInfo.InvariantCulture);
        var digits = text[..length];
        if (Math.Abs(value) < MinNormalFloat)
        {
            Span<char> two = stackalloc char[MaxFloatingLength];
            if (value.TryFormat(two, out var twoLength, "E1", CultureInfo.InvariantCulture) &&
                CountDigits(digits) == 1 &&
                float.Parse(two[..twoLength], NumberStyles.Float, CultureInfo.InvariantCulture) == value)
            {
                digits = two[..twoLength];
            }
        }

        return Layout(digits, destination);
    }

    /// <summary>Java's <c>BigDecimal.toString()</c> for <c>unscaled × 10^-scale</c>.</summary>
    public static string FormatBigDecimal(BigInteger unscaled, int scale)
    {
        var coefficient = BigInteger.Abs(unscaled).ToString(CultureInfo.InvariantCulture);
        var sign = unscaled.Sign < 0 ? "-" : string.Empty;
        var adjusted = -(long)scale + (coefficient.Length - 1);
        if (scale >= 0 && adjusted >= -6)
        {
            if (scale == 0)
            {
                return sign + coefficient;
            }

            if (coefficient.Length > scale)
            {
                var point = coefficient.Length - scale;
                return string.Concat(sign, coefficient.AsSpan(0, point), ".", coefficient.AsSpan(point));
            }

            return sign + "0." + new string('0', scale - coefficient.Length) + coefficient;
        }

        var mantissa = coefficient.Length > 1 ? string.Concat(coefficient.AsSpan(0, 1), ".", coefficient.AsSpan(1)) : coefficient;
        var exponent = adjusted > 0 ? "+" + adjusted.ToString(CultureInfo.InvariantCulture) : adjusted.ToString(CultureInfo.InvariantCulture);
        return sign + mantissa + "E" + exponent;
    }

    /// <summary>Java's <c>BigDecimal.toPlainString()</c>.</summary>
    public static string FormatBigDecimalPlain(BigInteger unscaled, int scale)
    {
        var coefficient = BigInteger.Abs(unscaled).ToString(CultureInfo.InvariantCulture);
        var sign = unscaled.Sign < 0 ? "-" : string.Empty;
        if (scale <= 0)
        {
            return sign + coefficient + (unscaled.IsZero ? string.Empty : new string('0', -scale));
        }

        if (coefficient.Length > scale)
        {
            var point = coefficient.Length - scale;
            return string.Concat(sign, coefficient.AsSpan(0, point), ".", coefficient.AsSpan(point));
        }

        return sign + "0." + new string('0', scale - coefficient.Length) + coefficient;
    }

    private static int CountDigits(ReadOnlySpan<char> text)
    {
        var count = 0;
        var leading = true;
        foreach (var c in text)
        {
            if (c is 'E' or 'e')
            {
                break;
            }

            if (c is >= '0' and <= '9')
            {
                if (leading && c == '0')
                {
                    continue;
                }

                leading = false;
                count++;
            }
        }

        return count;
    }

    private static int WriteSpecial(bool nan, bool positiveInfinity, bool negativeInfinity, bool negative, Span<byte> destination)
    {
        ReadOnlySpan<byte> text = nan ? "NaN"u8
            : positiveInfinity ? "Infinity"u8
            : negativeInfinity ? "-Infinity"u8
            : negative ? "-0.0"u8
            : "0.0"u8;
        text.CopyTo(destination);
        return text.Length;
    }

    // Re-lays the digits of a .NET round-trip rendering ("1.2345E-05", "123.45", "1E+16") in Java's layout.
    private static int Layout(ReadOnlySpan<char> text, Span<byte> destination)
    {
        var position = 0;
        var negative = text[0] == '-';
        if (negative)
        {
            position++;
        }

        Span<byte> digits = stackalloc byte[MaxFloatingLength];
        var count = 0;
        var integerDigits = -1;
        var exponent = 0;
        for (; position < text.Length; position++)
        {
            var c = text[position];
            if (c == '.')
            {
                integerDigits = count;
            }
            else if (c is 'E' or 'e')
            {
                exponent = int.Parse(text[(position + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
                break;
            }
            else
            {
                digits[count++] = (byte)c;
            }
        }

        if (integerDigits < 0)
        {
            integerDigits = count;
        }

        // value = 0.d1d2d3... x 10^decimalExponent, with no leading or trailing zero digits.
        var start = 0;
        while (start < count - 1 && digits[start] == (byte)'0')
        {
            start++;
        }

        var end = count;
        while (end > start + 1 && digits[end - 1] == (byte)'0')
        {
            end--;
        }

        var significant = digits[start..end];
        var decimalExponent = integerDigits + exponent - start;
        var scientificExponent = decimalExponent - 1;

        var written = 0;
        if (negative)
        {
            destination[written++] = (byte)'-';
        }

        if (scientificExponent is >= -3 and < 7)
        {
            if (decimalExponent <= 0)
            {
                destination[written++] = (byte)'0';
                destination[written++] = (byte)'.';
                for (var i = 0; i < -decimalExponent; i++)
                {
                    destination[written++] = (byte)'0';
                }

                significant.CopyTo(destination[written..]);
                written += significant.Length;
            }
            else if (decimalExponent < significant.Length)
            {
                significant[..decimalExponent].CopyTo(destination[written..]);
                written += decimalExponent;
                destination[written++] = (byte)'.';
                significant[decimalExponent..].CopyTo(destination[written..]);
                written += significant.Length - decimalExponent;
            }
            else
            {
                significant.CopyTo(destination[written..]);
                written += significant.Length;
                for (var i = significant.Length; i < decimalExponent; i++)
                {
                    destination[written++] = (byte)'0';
                }

                destination[written++] = (byte)'.';
                destination[written++] = (byte)'0';
            }

            return written;
        }

        destination[written++] = significant[0];
        destination[written++] = (byte)'.';
        if (significant.Length > 1)
        {
            significant[1..].CopyTo(destination[written..]);
            written += significant.Length - 1;
        }
        else
        {
            destination[written++] = (byte)'0';
        }

        destination[written++] = (byte)'E';
        scientificExponent.TryFormat(destination[written..], out var exponentLength, default, CultureInfo.InvariantCulture);
        return written + exponentLength;
    }
}
