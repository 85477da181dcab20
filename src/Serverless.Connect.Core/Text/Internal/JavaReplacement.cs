using System.Text;
using System.Text.RegularExpressions;

namespace Serverless.Connect.Text.Internal;

/// <summary>
/// A parsed <c>Matcher.replaceFirst</c>/<c>replaceAll</c> replacement string: <c>$n</c> (extra digits kept only while
/// the group exists), <c>${name}</c>, and <c>\x</c> for a literal x. Java reports a bad replacement only when a match is
/// being replaced, so a parse error is kept and thrown on first use.
/// </summary>
internal sealed class JavaReplacement
{
    private readonly List<(string? Literal, int Group)> _parts = [];
    private readonly Exception? _error;

    public JavaReplacement(string replacement, int groupCount, IReadOnlyDictionary<string, int> groupNames)
    {
        try
        {
            Parse(replacement, groupCount, groupNames);
        }
        catch (ArgumentException e)
        {
            _error = e;
        }
    }

    public void AppendTo(StringBuilder builder, Match match)
    {
        if (_error is not null)
        {
            throw _error;
        }

        foreach (var (literal, group) in _parts)
        {
            if (literal is not null)
            {
                builder.Append(literal);
            }
            else if (match.Groups[group].Success)
            {
                builder.Append(match.Groups[group].ValueSpan);
            }
        }
    }

    private void Parse(string replacement, int groupCount, IReadOnlyDictionary<string, int> groupNames)
    {
        var literal = new StringBuilder();
        var i = 0;
        while (i < replacement.Length)
        {
            var c = replacement[i++];
            if (c == '\\')
            {
                if (i == replacement.Length)
                {
                    throw new ArgumentException("character to be escaped is missing", nameof(replacement));
                }

                literal.Append(replacement[i++]);
                continue;
            }

            if (c != '$')
            {
                literal.Append(c);
                continue;
            }

            if (i == replacement.Length)
            {
                throw new ArgumentException("Illegal group reference: group index is missing", nameof(replacement));
            }

            var group = replacement[i] == '{'
                ? ReadNamedReference(replacement, ref i, groupNames)
                : ReadNumberedReference(replacement, ref i, groupCount);
            Flush(literal);
            _parts.Add((null, group));
        }

        Flush(literal);
    }

    private static int ReadNamedReference(string replacement, ref int i, IReadOnlyDictionary<string, int> groupNames)
    {
        i++;
        var start = i;
        while (i < replacement.Length && char.IsAsciiLetterOrDigit(replacement[i]))
        {
            i++;
        }

        if (i == start)
        {
            throw new ArgumentException("named capturing group has 0 length name", nameof(replacement));
        }

        if (i == replacement.Length || replacement[i] != '}')
        {
            throw new ArgumentException("named capturing group is missing trailing '}'", nameof(replacement));
        }

        var name = replacement[start..i];
        i++;
        if (char.IsAsciiDigit(name[0]))
        {
            throw new ArgumentException($"capturing group name {{{name}}} starts with digit character", nameof(replacement));
        }

        return groupNames.TryGetValue(name, out var number)
            ? number
            : throw new ArgumentException($"No group with name {{{name}}}", nameof(replacement));
    }

    private static int ReadNumberedReference(string replacement, ref int i, int groupCount)
    {
        if (!char.IsAsciiDigit(replacement[i]))
        {
            throw new ArgumentException("Illegal group reference", nameof(replacement));
        }

        var number = replacement[i++] - '0';
        while (i < replacement.Length && char.IsAsciiDigit(replacement[i]))
        {
            var longer = (number * 10) + (replacement[i] - '0');
            if (longer > groupCount)
            {
                break;
            }

            number = longer;
            i++;
        }

        if (number > groupCount)
        {
            // Java throws IndexOutOfBoundsException here; an ArgumentException keeps one failure type for callers.
            throw new ArgumentException($"No group {number}", nameof(replacement));
        }

        return number;
    }

    private void Flush(StringBuilder literal)
    {
        if (literal.Length > 0)
        {
            _parts.Add((literal.ToString(), 0));
            literal.Clear();
        }
    }
}
