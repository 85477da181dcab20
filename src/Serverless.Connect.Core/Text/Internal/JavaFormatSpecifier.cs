using System.Globalization;

namespace Serverless.Connect.Text.Internal;

/// <summary>One parsed <c>java.util.Formatter</c> specifier: <c>%[index$][flags][width][.precision]conversion</c>.</summary>
internal sealed record JavaFormatSpecifier(string Text, int End, int? ExplicitIndex, bool Relative, string Flags, int? Width, int? Precision, char Conversion)
{
    private const string Conversions = "sSdxXbBcn%";

    /// <exception cref="FormatException">Java would reject the specifier.</exception>
    public static JavaFormatSpecifier Parse(string format, int percent)
    {
        var i = percent + 1;
        int? explicitIndex = null;
        var relative = false;
        if (i < format.Length && format[i] == '<')
        {
            relative = true;
            i++;
        }
        else
        {
            var digitsEnd = SkipDigits(format, i);
            if (digitsEnd > i && digitsEnd < format.Length && format[digitsEnd] == '$')
            {
                explicitIndex = int.Parse(format.AsSpan(i, digitsEnd - i), CultureInfo.InvariantCulture);
                i = digitsEnd + 1;
            }
        }

        var flagsStart = i;
        while (i < format.Length && format[i] is '-' or '0' or '+' or ' ' or ',' or '#' or '(')
        {
            i++;
        }

        var flags = format[flagsStart..i];
        var widthEnd = SkipDigits(format, i);
        int? width = widthEnd > i ? int.Parse(format.AsSpan(i, widthEnd - i), CultureInfo.InvariantCulture) : null;
        i = widthEnd;
        int? precision = null;
        if (i < format.Length && format[i] == '.')
        {
            var precisionEnd = SkipDigits(format, i + 1);
            precision = int.Parse(format.AsSpan(i + 1, precisionEnd - i - 1), CultureInfo.InvariantCulture);
            i = precisionEnd;
        }

        if (i >= format.Length)
        {
            throw new FormatException("UnknownFormatConversionException: Conversion = '%'");
        }

        var conversion = format[i];
        if (!Conversions.Contains(conversion, StringComparison.Ordinal))
        {
            throw new FormatException($"UnknownFormatConversionException: Conversion = '{conversion}'");
        }

        var text = format[percent..(i + 1)];
        Validate(text, flags, width, precision, conversion);
        return new JavaFormatSpecifier(text, i + 1, explicitIndex, relative, flags, width, precision, conversion);
    }

    private static void Validate(string text, string flags, int? width, int? precision, char conversion)
    {
        if (flags.Contains('-') && flags.Contains('0'))
        {
            // Java prints flags in its canonical order.
            var canonical = new string("-#+ 0,(".Where(flags.Contains).ToArray());
            throw new FormatException($"IllegalFormatFlagsException: Flags = '{canonical}'");
        }

        if ((flags.Contains('-') || flags.Contains('0')) && width is null)
        {
            throw new FormatException($"MissingFormatWidthException: {text}");
        }

        if (precision is not null && conversion is not ('s' or 'S' or 'b' or 'B'))
        {
            throw new FormatException($"IllegalFormatPrecisionException: {precision}");
        }

        var allowed = conversion switch
        {
            'd' => "-0+ ,",
            'x' or 'X' => "-0#",
            _ => "-",
        };
        foreach (var flag in flags)
        {
            if (!allowed.Contains(flag, StringComparison.Ordinal))
            {
                throw new FormatException($"FormatFlagsConversionMismatchException: Conversion = {conversion}, Flags = {flag}");
            }
        }
    }

    private static int SkipDigits(string format, int i)
    {
        while (i < format.Length && char.IsAsciiDigit(format[i]))
        {
            i++;
        }

        return i;
    }
}
