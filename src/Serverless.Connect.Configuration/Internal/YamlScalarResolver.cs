using System.Globalization;
using System.Numerics;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Serverless.Connect.Configuration.Internal;

/// <summary>
/// Resolves a YAML scalar to the string Kafka Connect would receive after kubectl (YAML 1.1 rules of go-yaml v2)
/// converted the manifest to JSON and Strimzi forwarded it to the Connect REST API.
/// </summary>
/// <remarks>
/// Plain <c>true/yes/on/y</c> (any of their listed casings) become "true", <c>5432</c> stays "5432", <c>0x1F</c> becomes "31",
/// <c>1_000</c> becomes "1000", integral floats lose their fraction (<c>1.0</c> → "1") and other floats print as Java doubles.
/// Quoted, literal and folded scalars are always strings.
/// </remarks>
internal static partial class YamlScalarResolver
{
    private static readonly HashSet<string> _trueWords = new(StringComparer.Ordinal)
    {
        "y", "Y", "yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON",
    };

    private static readonly HashSet<string> _falseWords = new(StringComparer.Ordinal)
    {
        "n", "N", "no", "No", "NO", "false", "False", "FALSE", "off", "Off", "OFF",
    };

    private static readonly HashSet<string> _nullWords = new(StringComparer.Ordinal) { string.Empty, "~", "null", "Null", "NULL" };

    public static DocScalar Resolve(Scalar scalar)
    {
        var line = (int)scalar.Start.Line;
        var column = (int)scalar.Start.Column;
        var value = scalar.Value;
        var tag = ExplicitTag(scalar.Tag);
        if (tag is not null)
        {
            return tag switch
            {
                "null" => new DocScalar(null, ScalarKind.Null, line, column),
                "bool" when TryBoolean(value, out var b) => new DocScalar(b, ScalarKind.Boolean, line, column),
                "int" or "float" when TryNumber(value, out var n) => new DocScalar(n, ScalarKind.Number, line, column),
                _ => new DocScalar(value, ScalarKind.String, line, column),
            };
        }

        if (scalar.Style != ScalarStyle.Plain)
        {
            return new DocScalar(value, ScalarKind.String, line, column);
        }

        if (_nullWords.Contains(value))
        {
            return new DocScalar(null, ScalarKind.Null, line, column);
        }

        if (TryBoolean(value, out var boolean))
        {
            return new DocScalar(boolean, ScalarKind.Boolean, line, column);
        }

        return TryNumber(value, out var number)
            ? new DocScalar(number, ScalarKind.Number, line, column)
            : new DocScalar(value, ScalarKind.String, line, column);
    }

    private static string? ExplicitTag(TagName tag)
    {
        if (tag.IsEmpty || tag.IsNonSpecific)
        {
            return null;
        }

        const string YamlTagPrefix = "tag:yaml.org,2002:";
        var text = tag.Value;
        return text.StartsWith(YamlTagPrefix, StringComparison.Ordinal) ? text[YamlTagPrefix.Length..] : text;
    }

    private static bool TryBoolean(string value, out string? text)
    {
        text = _trueWords.Contains(value) ? "true" : _falseWords.Contains(value) ? "false" : null;
        return text is not null;
    }

    private static bool TryNumber(string value, out string? text)
    {
        text = null;
        if (value.Length == 0 || !(char.IsAsciiDigit(value[0]) || value[0] is '+' or '-' or '.'))
        {
            return false;
        }

        var plain = value.Replace("_", string.Empty, StringComparison.Ordinal);
        if (TryGoInteger(plain, out var integer))
        {
            text = integer.ToString(CultureInfo.InvariantCulture);
            return true;
        }

        if (FloatPattern().IsMatch(plain)
            && double.TryParse(plain, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && double.IsFinite(d))
        {
            text = Math.Abs(d) < 1e21 && Math.Floor(d) == d
                ? new BigInteger(d).ToString(CultureInfo.InvariantCulture)
                : JavaValueFormatter.FormatDouble(d);
            return true;
        }

        return false;
    }

    // Go's strconv.ParseInt(s, 0, 64) then ParseUint: sign, then 0x / 0o / 0b / leading-0 octal or decimal.
    private static bool TryGoInteger(string text, out BigInteger result)
    {
        result = BigInteger.Zero;
        var negative = false;
        var body = text;
        if (body.Length > 0 && body[0] is '+' or '-')
        {
            negative = body[0] == '-';
            body = body[1..];
        }

        if (body.Length == 0)
        {
            return false;
        }

        var radix = 10;
        if (body.Length > 1 && body[0] == '0')
        {
            (radix, body) = char.ToLowerInvariant(body[1]) switch
            {
                'x' => (16, body[2..]),
                'o' => (8, body[2..]),
                'b' => (2, body[2..]),
                _ => (8, body[1..]),
            };
        }

        if (body.Length == 0)
        {
            return false;
        }

        foreach (var c in body)
        {
            var digit = char.IsAsciiDigit(c) ? c - '0' : char.IsAsciiHexDigit(c) ? char.ToLowerInvariant(c) - 'a' + 10 : 99;
            if (digit >= radix)
            {
                return false;
            }

            result = (result * radix) + digit;
        }

        if (negative)
        {
            result = -result;
        }

        return result >= long.MinValue && result <= ulong.MaxValue;
    }

    [GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex FloatPattern();
}
