using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Serverless.Connect.Deployment.Yaml;

/// <summary>
/// Writes YAML block style with two-space indentation. Strings are plain only when no YAML 1.1 or 1.2 reader
/// (kubectl's go-yaml, YamlDotNet) could read them as anything but that string; multi-line text becomes a literal block.
/// </summary>
public static partial class YamlWriter
{
    /// <summary>Writes several documents separated by <c>---</c>, after an optional comment header.</summary>
    /// <param name="documents">The documents.</param>
    /// <param name="headerComment">Comment lines (without <c>#</c>) written before the first document, or null.</param>
    /// <returns>The YAML text, ending with a newline.</returns>
    public static string WriteDocuments(IEnumerable<YamlValue> documents, IEnumerable<string>? headerComment = null)
    {
        ArgumentNullException.ThrowIfNull(documents);
        var output = new StringBuilder();
        foreach (var line in headerComment ?? [])
        {
            output.Append(line.Length == 0 ? "#" : "# " + line).Append('\n');
        }

        foreach (var document in documents)
        {
            output.Append("---\n");
            WriteValue(output, document, 0);
        }

        return output.ToString();
    }

    /// <summary>Writes one document without a <c>---</c> marker.</summary>
    /// <param name="document">The document.</param>
    /// <returns>The YAML text, ending with a newline.</returns>
    public static string Write(YamlValue document)
    {
        var output = new StringBuilder();
        WriteValue(output, document, 0);
        return output.ToString();
    }

    // Writes a value that starts on a fresh line at the given indentation.
    private static void WriteValue(StringBuilder output, YamlValue value, int indent)
    {
        switch (value)
        {
            case YamlMap map when map.Entries.Count > 0:
                WriteMapEntries(output, map, indent, firstLinePrefixed: false);
                break;
            case YamlList list when list.Items.Count > 0:
                WriteListItems(output, list, indent);
                break;
            default:
                output.Append(' ', indent).Append(Scalar(value, indent)).Append('\n');
                break;
        }
    }

    private static void WriteMapEntries(StringBuilder output, YamlMap map, int indent, bool firstLinePrefixed)
    {
        var first = true;
        foreach (var (key, value) in map.Entries)
        {
            if (!(first && firstLinePrefixed))
            {
                output.Append(' ', indent);
            }

            first = false;
            output.Append(Key(key)).Append(':');
            switch (value)
            {
                case YamlMap child when child.Entries.Count > 0:
                    output.Append('\n');
                    WriteMapEntries(output, child, indent + 2, firstLinePrefixed: false);
                    break;
                case YamlList list when list.Items.Count > 0:
                    // Sequences under a key are not indented further, as kubectl writes them.
                    output.Append('\n');
                    WriteListItems(output, list, indent);
                    break;
                default:
                    output.Append(' ').Append(Scalar(value, indent)).Append('\n');
                    break;
            }
        }
    }

    private static void WriteListItems(StringBuilder output, YamlList list, int indent)
    {
        foreach (var item in list.Items)
        {
            output.Append(' ', indent).Append("- ");
            switch (item)
            {
                case YamlMap map when map.Entries.Count > 0:
                    WriteMapEntries(output, map, indent + 2, firstLinePrefixed: true);
                    break;
                case YamlList nested when nested.Items.Count > 0:
                    output.Append('\n');
                    WriteListItems(output, nested, indent + 2);
                    break;
                default:
                    output.Append(Scalar(item, indent + 2)).Append('\n');
                    break;
            }
        }
    }

    private static string Key(string key) => NeedsQuotes(key) ? Quote(key) : key;

    // The text after "key: " or "- ": a scalar, an empty collection, or a literal block header plus its lines.
    private static string Scalar(YamlValue value, int indent) => value switch
    {
        YamlMap => "{}",
        YamlList => "[]",
        YamlBool b => b.Value ? "true" : "false",
        YamlNumber n => n.Value.ToString(CultureInfo.InvariantCulture),
        YamlText t when IsLiteralBlockCandidate(t.Value) => LiteralBlock(t.Value, indent + 2),
        YamlText t => NeedsQuotes(t.Value) ? Quote(t.Value) : t.Value,
        _ => throw new ArgumentException($"unknown YAML node {value.GetType().Name}", nameof(value)),
    };

    private static bool IsLiteralBlockCandidate(string text) =>
        text.Contains('\n', StringComparison.Ordinal)
        && !text.Contains('\r', StringComparison.Ordinal)
        && text.All(c => c == '\n' || c == '\t' || !char.IsControl(c))
        // Leading spaces on the first line would need an indentation indicator, which readers interpret differently.
        && !text.StartsWith(' ')
        && !text.StartsWith('\n')
        && !text.Split('\n').Any(l => l.Length > 0 && char.IsWhiteSpace(l[^1]));

    private static string LiteralBlock(string text, int indent)
    {
        // Chomping: "|" keeps one final newline, "|-" none, "|+" all of them.
        var trimmed = text.TrimEnd('\n');
        var trailing = text.Length - trimmed.Length;
        var chomp = trailing switch { 0 => "-", 1 => string.Empty, _ => "+" };
        var block = new StringBuilder("|").Append(chomp);
        var lines = trimmed.Split('\n');
        foreach (var line in lines)
        {
            block.Append('\n');
            if (line.Length > 0)
            {
                block.Append(' ', indent).Append(line);
            }
        }

        for (var i = 1; i < trailing; i++)
        {
            block.Append('\n');
        }

        return block.ToString();
    }

    private static bool NeedsQuotes(string text) =>
        text.Length == 0
        || !PlainSafe().IsMatch(text)
        || Reserved().IsMatch(text)
        || NumberLike().IsMatch(text);

    private static string Quote(string text)
    {
        var quoted = new StringBuilder("\"");
        foreach (var c in text)
        {
            switch (c)
            {
                case '"': quoted.Append("\\\""); break;
                case '\\': quoted.Append("\\\\"); break;
                case '\n': quoted.Append("\\n"); break;
                case '\r': quoted.Append("\\r"); break;
                case '\t': quoted.Append("\\t"); break;
                case var control when char.IsControl(control):
                    quoted.Append("\\u").Append(((int)control).ToString("x4", CultureInfo.InvariantCulture));
                    break;
                default: quoted.Append(c); break;
            }
        }

        return quoted.Append('"').ToString();
    }

    // Starts with a letter, digit, '/', '.', '_' or '$'; then only characters that are never YAML syntax mid-scalar;
    // no ": " or " #", and no trailing space.
    [GeneratedRegex(@"^[A-Za-z0-9_./$][A-Za-z0-9_./$@%+=,()-]*(?:[ :][A-Za-z0-9_./$@%+=,()-]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex PlainSafe();

    [GeneratedRegex(@"^(?:y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF|null|Null|NULL|~)$", RegexOptions.CultureInvariant)]
    private static partial Regex Reserved();

    // Anything a YAML 1.1 resolver might take as a number, date or sexagesimal: digits with signs, dots, colons,
    // underscores, exponents, 0x/0o prefixes, .inf/.nan.
    [GeneratedRegex(@"^(?:[-+]?(?:\.?[0-9][0-9_:.,eExXoObB+-]*|\.(?:inf|Inf|INF|nan|NaN|NAN))|[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}.*)$", RegexOptions.CultureInvariant)]
    private static partial Regex NumberLike();
}
