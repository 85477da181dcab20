using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Numerics;
using Serverless.Connect.Data.Internal;

namespace Serverless.Connect.Data;

/// <summary>
/// The value of Kafka's <c>Decimal</c> logical type: an arbitrary-precision <paramref name="Unscaled"/> integer and a
/// <paramref name="Scale"/>, meaning <c>Unscaled × 10^-Scale</c> (Java's <c>BigDecimal</c>).
/// </summary>
/// <remarks>
/// Equality is Java's <c>BigDecimal.equals</c>: <c>1.5</c> and <c>1.50</c> differ because their scales differ.
/// <see cref="ToString"/> matches <c>BigDecimal.toString()</c>, which is what the JSON converter writes with
/// <c>decimal.format=NUMERIC</c>.
/// </remarks>
/// <param name="Unscaled">The unscaled integer value.</param>
/// <param name="Scale">The number of digits after the decimal point (negative scales multiply by powers of ten).</param>
public readonly record struct ConnectDecimal(BigInteger Unscaled, int Scale)
{
    /// <summary>Converts a .NET <see cref="decimal"/>, preserving its scale (<c>1.50m</c> becomes unscaled 150, scale 2).</summary>
    /// <param name="value">The value.</param>
    public static implicit operator ConnectDecimal(decimal value) => FromDecimal(value);

    /// <summary>Converts to a .NET <see cref="decimal"/>; see <see cref="ToDecimal"/>.</summary>
    /// <param name="value">The value.</param>
    public static explicit operator decimal(ConnectDecimal value) => value.ToDecimal();

    /// <summary>Converts a .NET <see cref="decimal"/>, preserving its scale.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The equivalent decimal.</returns>
    public static ConnectDecimal FromDecimal(decimal value)
    {
        Span<int> bits = stackalloc int[4];
        decimal.GetBits(value, bits);
        var magnitude = ((BigInteger)(uint)bits[2] << 64) | ((BigInteger)(uint)bits[1] << 32) | (uint)bits[0];
        var scale = (bits[3] >> 16) & 0xFF;
        return new ConnectDecimal(bits[3] < 0 ? -magnitude : magnitude, scale);
    }

    /// <summary>Parses Java <c>BigDecimal</c> syntax: optional sign, digits with an optional point, optional exponent.</summary>
    /// <param name="text">The text, e.g. <c>-12.340</c> or <c>1.5E+3</c>.</param>
    /// <returns>The value; <c>"1.50"</c> has scale 2, <c>"1E+3"</c> has scale -3.</returns>
    /// <exception cref="FormatException">The text is not a decimal number.</exception>
    public static ConnectDecimal Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return TryParse(text.AsSpan(), out var result) ? result : throw new FormatException($"Invalid decimal: '{text}'.");
    }

    /// <summary>Parses Java <c>BigDecimal</c> syntax.</summary>
    /// <param name="text">The text.</param>
    /// <param name="result">The parsed value.</param>
    /// <returns><see langword="true"/> on success.</returns>
    public static bool TryParse([NotNullWhen(true)] string? text, out ConnectDecimal result)
    {
        result = default;
        return text is not null && TryParse(text.AsSpan(), out result);
    }

    /// <summary>Parses Java <c>BigDecimal</c> syntax.</summary>
    /// <param name="text">The text.</param>
    /// <param name="result">The parsed value.</param>
    /// <returns><see langword="true"/> on success.</returns>
    public static bool TryParse(ReadOnlySpan<char> text, out ConnectDecimal result)
    {
        result = default;
        var position = 0;
        var negative = false;
        if (position < text.Length && text[position] is '+' or '-')
        {
            negative = text[position] == '-';
            position++;
        }

        Span<char> digits = text.Length <= 256 ? stackalloc char[text.Length] : new char[text.Length];
        var count = 0;
        var fraction = 0;
        var seenPoint = false;
        for (; position < text.Length; position++)
        {
            var c = text[position];
            if (c is >= '0' and <= '9')
            {
                digits[count++] = c;
                if (seenPoint)
                {
                    fraction++;
                }
            }
            else if (c == '.' && !seenPoint)
            {
                seenPoint = true;
            }
            else
            {
                break;
            }
        }

        if (count == 0)
        {
            return false;
        }

        long exponent = 0;
        if (position < text.Length)
        {
            if (text[position] is not ('e' or 'E') ||
                !long.TryParse(text[(position + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out exponent))
            {
                return false;
            }
        }

        var scale = fraction - exponent;
        if (scale is < int.MinValue or > int.MaxValue)
        {
            return false;
        }

        var unscaled = BigInteger.Parse(digits[..count], NumberStyles.None, CultureInfo.InvariantCulture);
        result = new ConnectDecimal(negative ? -unscaled : unscaled, (int)scale);
        return true;
    }

    /// <summary>
    /// Converts to a .NET <see cref="decimal"/>. Exact when the value fits (at most 28 fraction digits and 96 bits of
    /// magnitude); values with more fraction digits are rounded half-to-even.
    /// </summary>
    /// <returns>The decimal.</returns>
    /// <exception cref="OverflowException">The magnitude does not fit a <see cref="decimal"/>.</exception>
    public decimal ToDecimal()
    {
        if (Scale is >= 0 and <= 28)
        {
            var magnitude = BigInteger.Abs(Unscaled);
            if (magnitude.GetBitLength() <= 96)
            {
                var lo = (int)(uint)(magnitude & uint.MaxValue);
                var mid = (int)(uint)((magnitude >> 32) & uint.MaxValue);
                var hi = (int)(uint)((magnitude >> 64) & uint.MaxValue);
                return new decimal(lo, mid, hi, Unscaled.Sign < 0, (byte)Scale);
            }
        }

        return decimal.Parse(ToPlainString(), NumberStyles.Float, CultureInfo.InvariantCulture);
    }

    /// <summary>Converts to the nearest <see cref="double"/>, like <c>BigDecimal.doubleValue()</c>.</summary>
    /// <returns>The double.</returns>
    public double ToDouble() => double.Parse(ToString(), NumberStyles.Float, CultureInfo.InvariantCulture);

    /// <summary>Returns the same number with a different scale, like <c>BigDecimal.setScale(n)</c> without rounding.</summary>
    /// <param name="scale">The new scale.</param>
    /// <returns>The rescaled value.</returns>
    /// <exception cref="ArithmeticException">Reducing the scale would discard non-zero digits.</exception>
    public ConnectDecimal Rescale(int scale)
    {
        if (scale == Scale)
        {
            return this;
        }

        if (scale > Scale)
        {
            return new ConnectDecimal(Unscaled * BigInteger.Pow(10, scale - Scale), scale);
        }

        var divisor = BigInteger.Pow(10, Scale - scale);
        var quotient = BigInteger.DivRem(Unscaled, divisor, out var remainder);
        if (!remainder.IsZero)
        {
            throw new ArithmeticException("Rounding necessary");
        }

        return new ConnectDecimal(quotient, scale);
    }

    /// <summary>Formats like Java's <c>BigDecimal.toString()</c> (scientific notation for very small or negative-scale values).</summary>
    /// <returns>The text, e.g. <c>1.50</c>, <c>1E-10</c> or <c>1.2E+3</c>.</returns>
    public override string ToString() => JavaFormat.FormatBigDecimal(Unscaled, Scale);

    /// <summary>Formats like Java's <c>BigDecimal.toPlainString()</c> (never scientific).</summary>
    /// <returns>The text.</returns>
    public string ToPlainString() => JavaFormat.FormatBigDecimalPlain(Unscaled, Scale);
}
