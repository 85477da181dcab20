using System.Globalization;
using System.Numerics;
using System.Text;
using Serverless.Connect.Text.Internal;

namespace Serverless.Connect.Text;

/// <summary>
/// A subset of <c>java.util.Formatter</c> (<c>String.format</c>) with Java's output and errors: conversions
/// <c>%s %S %d %x %X %b %c %n %%</c>, flags <c>- 0 + space ,</c>, width, precision for <c>%s</c>, explicit
/// (<c>%2$s</c>) and relative (<c>%&lt;s</c>) argument indexes. Numbers are formatted as in <c>Locale.ROOT</c>.
/// </summary>
public static class JavaFormatter
{
    /// <summary>Formats like <c>String.format(Locale.ROOT, format, args)</c>.</summary>
    /// <param name="format">The Java format string.</param>
    /// <param name="args">Arguments; null prints <c>null</c> (or <c>false</c> for <c>%b</c>).</param>
    /// <exception cref="FormatException">
    /// The format is invalid or does not fit the arguments; the message is the Java exception's name and message.
    /// </exception>
    public static string Format(string format, params object?[] args)
    {
        ArgumentNullException.ThrowIfNull(format);
        args ??= [null];
        var builder = new StringBuilder(format.Length + 16);
        var ordinary = 0;
        var last = -1;
        var i = 0;
        while (i < format.Length)
        {
            var percent = format.IndexOf('%', i);
            if (percent < 0)
            {
                builder.Append(format, i, format.Length - i);
                break;
            }

            builder.Append(format, i, percent - i);
            var spec = JavaFormatSpecifier.Parse(format, percent);
            i = spec.End;
            switch (spec.Conversion)
            {
                case '%':
                    Pad(builder, "%", spec);
                    continue;
                case 'n':
                    builder.Append(Environment.NewLine);
                    continue;
            }

            int index;
            if (spec.Relative)
            {
                index = last;
            }
            else if (spec.ExplicitIndex is { } explicitIndex)
            {
                index = explicitIndex - 1;
            }
            else
            {
                index = ordinary++;
            }

            if (index < 0 || index >= args.Length)
            {
                throw new FormatException($"MissingFormatArgumentException: Format specifier '{spec.Text}'");
            }

            last = index;
            Pad(builder, Convert(spec, args[index]), spec);
        }

        return builder.ToString();
    }

    private static string Convert(JavaFormatSpecifier spec, object? arg)
    {
        switch (spec.Conversion)
        {
            case 's' or 'S':
                var text = arg switch
                {
                    null => "null",
                    bool b => b ? "true" : "false",
                    double d => JavaNumberText.ToJavaString(d),
                    float f => JavaNumberText.ToJavaString(f),
                    IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
                    _ => arg.ToString() ?? "null",
                };
                if (spec.Precision is { } precision && precision < text.Length)
                {
                    text = text[..precision];
                }

                return spec.Conversion == 'S' ? text.ToUpperInvariant() : text;
            case 'b' or 'B':
                var truth = arg is null ? "false" : arg is bool value ? (value ? "true" : "false") : "true";
                return spec.Conversion == 'B' ? truth.ToUpperInvariant() : truth;
            case 'c':
                return arg switch
                {
                    null => "null",
                    char c => c.ToString(),
                    int codePoint => char.ConvertFromUtf32(codePoint),
                    _ => throw Mismatch(spec, arg),
                };
            case 'd':
                return arg is null ? "null" : Decimal(spec, ToInteger(spec, arg));
            default:
                if (arg is null)
                {
                    return "null";
                }

                var hex = arg switch
                {
                    sbyte v => ((byte)v).ToString("x", CultureInfo.InvariantCulture),
                    short v => ((ushort)v).ToString("x", CultureInfo.InvariantCulture),
                    int v => ((uint)v).ToString("x", CultureInfo.InvariantCulture),
                    long v => ((ulong)v).ToString("x", CultureInfo.InvariantCulture),
                    _ => ToInteger(spec, arg).ToString("x", CultureInfo.InvariantCulture).TrimStart('0') is { Length: > 0 } h ? h : "0",
                };
                if (spec.Flags.Contains('0') && spec.Width is { } width && hex.Length < width)
                {
                    hex = new string('0', width - hex.Length) + hex;
                }

                return spec.Conversion == 'X' ? hex.ToUpperInvariant() : hex;
        }
    }

    private static BigInteger ToInteger(JavaFormatSpecifier spec, object arg) => arg switch
    {
        sbyte v => v,
        byte v => v,
        short v => v,
        ushort v => v,
        int v => v,
        uint v => v,
        long v => v,
        ulong v => v,
        BigInteger v => v,
        _ => throw Mismatch(spec, arg),
    };

    private static string Decimal(JavaFormatSpecifier spec, BigInteger value)
    {
        var digits = BigInteger.Abs(value).ToString(spec.Flags.Contains(',') ? "N0" : "D", CultureInfo.InvariantCulture);
        var sign = value.Sign < 0 ? "-" : spec.Flags.Contains('+') ? "+" : spec.Flags.Contains(' ') ? " " : string.Empty;
        if (spec.Flags.Contains('0') && spec.Width is { } width && sign.Length + digits.Length < width)
        {
            digits = new string('0', width - sign.Length - digits.Length) + digits;
        }

        return sign + digits;
    }

    private static void Pad(StringBuilder builder, string text, JavaFormatSpecifier spec)
    {
        var padding = Math.Max(0, (spec.Width ?? 0) - text.Length);
        if (spec.Flags.Contains('-'))
        {
            builder.Append(text).Append(' ', padding);
        }
        else
        {
            builder.Append(' ', padding).Append(text);
        }
    }

    private static FormatException Mismatch(JavaFormatSpecifier spec, object arg) =>
        new($"IllegalFormatConversionException: {spec.Conversion} != {arg.GetType().FullName}");
}
