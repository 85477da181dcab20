using System.Text;

namespace Serverless.Connect.Text;

/// <summary>
/// A comma-separated list of Java regexes as Debezium reads <c>table.include.list</c>, <c>column.exclude.list</c> and
/// similar properties: split on unescaped commas (<c>\,</c> keeps a comma, so <c>{1\,3}</c> is needed for counted
/// repetitions), each entry trimmed, empty entries dropped, and an identifier selected when any entry matches it whole.
/// </summary>
public sealed class JavaRegexList
{
    private JavaRegexList(IReadOnlyList<JavaRegex> patterns)
    {
        Patterns = patterns;
    }

    /// <summary>The compiled entries, in list order.</summary>
    public IReadOnlyList<JavaRegex> Patterns { get; }

    /// <summary>
    /// Parses a Debezium-style list. Debezium compiles each entry with <c>Pattern.CASE_INSENSITIVE</c>, hence the default.
    /// </summary>
    /// <param name="commaSeparated">The property value; null or blank gives an empty list.</param>
    /// <param name="options">Flags for every entry.</param>
    /// <exception cref="FormatException">The value ends with a lone backslash.</exception>
    /// <exception cref="JavaPatternSyntaxException">An entry is not a valid Java regex.</exception>
    public static JavaRegexList Parse(string? commaSeparated, JavaRegexOptions options = JavaRegexOptions.CaseInsensitive)
    {
        var patterns = Split(commaSeparated ?? string.Empty).Select(entry => JavaRegex.Get(entry, options)).ToList();
        return new JavaRegexList(patterns);
    }

    /// <summary>Splits on commas not preceded by a backslash, trimming entries and unescaping <c>\,</c>.</summary>
    /// <param name="commaSeparated">The property value.</param>
    /// <exception cref="FormatException">The value ends with a lone backslash.</exception>
    public static IReadOnlyList<string> Split(string commaSeparated)
    {
        ArgumentNullException.ThrowIfNull(commaSeparated);
        var entries = new List<string>();
        var current = new StringBuilder();
        for (var i = 0; i < commaSeparated.Length; i++)
        {
            var c = commaSeparated[i];
            if (c == '\\')
            {
                if (i + 1 == commaSeparated.Length)
                {
                    throw new FormatException($"Unterminated escape sequence at the end of '{commaSeparated}'.");
                }

                // Any escaped character stays in the regex; only an escaped comma loses its backslash.
                var next = commaSeparated[++i];
                if (next != ',')
                {
                    current.Append(c);
                }

                current.Append(next);
            }
            else if (c == ',')
            {
                Add(entries, current);
            }
            else
            {
                current.Append(c);
            }
        }

        Add(entries, current);
        return entries;
    }

    /// <summary>True if any entry matches the whole identifier (Java <c>matches()</c>).</summary>
    /// <param name="identifier">For example <c>schema.table</c> or <c>schema.table.column</c>.</param>
    public bool MatchesAny(string identifier)
    {
        ArgumentNullException.ThrowIfNull(identifier);
        foreach (var pattern in Patterns)
        {
            if (pattern.Matches(identifier))
            {
                return true;
            }
        }

        return false;
    }

    private static void Add(List<string> entries, StringBuilder current)
    {
        var entry = current.ToString().Trim();
        if (entry.Length > 0)
        {
            entries.Add(entry);
        }

        current.Clear();
    }
}
