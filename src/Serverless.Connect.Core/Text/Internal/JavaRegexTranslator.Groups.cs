namespace Serverless.Connect.Text.Internal;

/// <summary>Groups, inline flags and anchors.</summary>
internal sealed partial class JavaRegexTranslator
{
    /// <summary>Parses a group at <c>(</c>; returns false for a flags-only group such as <c>(?i)</c>, which emits nothing.</summary>
    private bool ParseGroup()
    {
        _pos++;
        var savedFlags = _flags;
        if (!AtEnd && Current == '?')
        {
            _pos++;
            var kind = AtEnd ? '\0' : Current;
            switch (kind)
            {
                case ':' or '=' or '!' or '>':
                    _pos++;
                    _out.Append("(?").Append(kind);
                    break;
                case '<' when PeekAt(1) is '=' or '!':
                    _out.Append("(?<").Append(PeekAt(1));
                    _pos += 2;
                    break;
                case '<':
                    _pos++;
                    DefineNamedGroup(ReadGroupName());
                    _out.Append('(');
                    break;
                default:
                    if (ParseInlineFlags())
                    {
                        return false;
                    }

                    _out.Append("(?:");
                    break;
            }
        }
        else
        {
            _groupCount++;
            _out.Append('(');
        }

        ParseAlternation();
        if (AtEnd || Current != ')')
        {
            throw Error("Unclosed group", _pattern.Length);
        }

        _pos++;
        _out.Append(')');
        _flags = savedFlags;
        return true;
    }

    private string ReadGroupName()
    {
        var start = _pos;
        if (AtEnd || !char.IsAsciiLetter(Current))
        {
            throw Error("capturing group name does not start with a Latin letter", _pos);
        }

        while (!AtEnd && char.IsAsciiLetterOrDigit(Current))
        {
            _pos++;
        }

        if (AtEnd || Current != '>')
        {
            throw Error("named capturing group is missing trailing '>'", _pos);
        }

        var name = _pattern[start.._pos];
        _pos++;
        return name;
    }

    private void DefineNamedGroup(string name)
    {
        if (_groupNames.ContainsKey(name))
        {
            throw Error($"Named capturing group <{name}> is already defined", _pos - 1);
        }

        _groupCount++;
        _groupNames[name] = _groupCount;
    }

    /// <summary>
    /// Parses <c>idmsuxU-idmsuxU</c> then <c>)</c> (flags for the rest of the enclosing group: returns true) or <c>:</c>
    /// (flags scoped to a non-capturing group: returns false, the caller restores them at its close).
    /// </summary>
    private bool ParseInlineFlags()
    {
        var on = true;
        while (!AtEnd)
        {
            var c = Current;
            _pos++;
            if (c == ')')
            {
                return true;
            }

            if (c == ':')
            {
                return false;
            }

            if (c == '-' && on)
            {
                on = false;
                continue;
            }

            var flag = c switch
            {
                'i' => JavaRegexOptions.CaseInsensitive,
                'd' => JavaRegexOptions.UnixLines,
                'm' => JavaRegexOptions.Multiline,
                's' => JavaRegexOptions.DotAll,
                'u' => JavaRegexOptions.UnicodeCase,
                'x' => JavaRegexOptions.Comments,
                'U' => JavaRegexOptions.UnicodeCharacterClass | JavaRegexOptions.UnicodeCase,
                'c' => throw new NotSupportedException($"CANON_EQ (?c) is not supported (Java regex '{_pattern}')."),
                _ => throw Error("Unknown inline modifier", _pos - 1),
            };
            _flags = on ? _flags | flag : _flags & ~flag;
        }

        throw Error("Unknown inline modifier", _pos);
    }

    private string DotAtom()
    {
        if (Has(JavaRegexOptions.DotAll))
        {
            return @"[\s\S]";
        }

        return Has(JavaRegexOptions.UnixLines) ? @"[^\n]" : @"[^\n\r\u0085\u2028\u2029]";
    }

    // Java's ^ in MULTILINE matches after any line terminator (never inside \r\n) but, like Perl, never at the end of input.
    private string CaretAnchor()
    {
        if (!Has(JavaRegexOptions.Multiline))
        {
            return @"\A";
        }

        return Has(JavaRegexOptions.UnixLines)
            ? @"(?:\A|(?<=\n))(?!\z)"
            : @"(?:\A|(?<=[\n\u0085\u2028\u2029])|(?<=\r)(?!\n))(?!\z)";
    }

    // Java's $ (and \Z) accept any line terminator, including \r\n as one, before the end; .NET's only accept \n.
    private string DollarAnchor(bool multiline)
    {
        if (Has(JavaRegexOptions.UnixLines))
        {
            return multiline ? @"(?=\n|\z)" : @"(?=\n?\z)";
        }

        return multiline
            ? @"(?:(?=[\r\u0085\u2028\u2029])|(?<!\r)(?=\n)|\z)"
            : @"(?=(?:\r\n|(?<!\r)\n|[\r\u0085\u2028\u2029])?\z)";
    }
}
