using System.Globalization;

namespace Serverless.Connect.Text.Internal;

/// <summary>Backslash escapes outside character classes, and literal emission.</summary>
internal sealed partial class JavaRegexTranslator
{
    /// <summary>Parses an escape at <c>\</c>; returns where its quantifiable output starts, or -1.</summary>
    private int ParseEscape()
    {
        var start = _out.Length;
        var escapeIndex = _pos;
        _pos++;
        if (AtEnd)
        {
            throw Error("Unexpected internal error", _pos);
        }

        var c = _pattern[_pos++];
        switch (c)
        {
            case >= '1' and <= '9':
                EmitBackReference(ReadBackReferenceNumber(c));
                return start;
            case 'k':
                EmitBackReference(ReadNamedBackReference());
                return start;
            case 'd' or 'D' or 'w' or 'W' or 's' or 'S' or 'h' or 'H' or 'v' or 'V':
                _out.Append(JavaCharClasses.Predefined(c, Has(JavaRegexOptions.UnicodeCharacterClass)).ToRegexAtom());
                return start;
            case 'p' or 'P':
                _out.Append(ReadProperty(c == 'P').ToRegexAtom());
                return start;
            case 'R':
                _out.Append(@"(?:\r\n|[\n\u000B\f\r\u0085\u2028\u2029])");
                return start;
            case 'b':
                if (!AtEnd && Current == '{')
                {
                    throw Unsupported(@"\b{g} grapheme boundaries", escapeIndex);
                }

                _out.Append(@"\b");
                return start;
            case 'B':
                _out.Append(@"\B");
                return start;
            case 'A':
                _out.Append(@"\A");
                return start;
            case 'G':
                _out.Append(@"\G");
                return start;
            case 'z':
                _out.Append(@"\z");
                return start;
            case 'Z':
                _out.Append(DollarAnchor(multiline: false));
                return start;
            case 'Q':
                return EmitQuoted();
            case 'X':
                throw Unsupported(@"\X grapheme clusters", escapeIndex);
            case 'N':
                throw Unsupported(@"\N{name} character names", escapeIndex);
            default:
                EmitLiteral(ReadEscapedCodePoint(c, escapeIndex));
                return start;
        }
    }

    /// <summary>
    /// The code point of a single-character escape (after the backslash and <paramref name="c"/>); used both outside and
    /// inside classes. Throws for letters Java does not define.
    /// </summary>
    private int ReadEscapedCodePoint(char c, int escapeIndex)
    {
        switch (c)
        {
            case '0':
                return ReadOctal(escapeIndex);
            case 'x':
                return ReadHexEscape(escapeIndex);
            case 'u':
                return ReadUnicodeEscape(escapeIndex);
            case 't':
                return '\t';
            case 'n':
                return '\n';
            case 'r':
                return '\r';
            case 'f':
                return '\f';
            case 'a':
                return '\a';
            case 'e':
                return '\u001B';
            case 'c':
                if (AtEnd)
                {
                    throw Error("Illegal control escape sequence", _pos);
                }

                return _pattern[_pos++] ^ 64;
            default:
                if (char.IsAsciiLetterOrDigit(c))
                {
                    throw Error("Illegal/unsupported escape sequence", escapeIndex + 1);
                }

                if (char.IsHighSurrogate(c) && !AtEnd && char.IsLowSurrogate(Current))
                {
                    return char.ConvertToUtf32(c, _pattern[_pos++]);
                }

                return c;
        }
    }

    // Java: \0n, \0nn, \0mnn with m <= 3; at least one octal digit is required.
    private int ReadOctal(int escapeIndex)
    {
        if (AtEnd || Current is < '0' or > '7')
        {
            throw Error("Illegal octal escape sequence", escapeIndex + 2);
        }

        var value = Current - '0';
        _pos++;
        var maxDigits = value <= 3 ? 2 : 1;
        for (var i = 0; i < maxDigits && !AtEnd && Current is >= '0' and <= '7'; i++)
        {
            value = (value * 8) + (Current - '0');
            _pos++;
        }

        return value;
    }

    private int ReadHexEscape(int escapeIndex)
    {
        if (!AtEnd && Current == '{')
        {
            var close = _pattern.IndexOf('}', _pos);
            if (close < 0)
            {
                throw Error("Unclosed hexadecimal escape sequence", _pos);
            }

            var digits = _pattern[(_pos + 1)..close];
            if (digits.Length == 0
                || !int.TryParse(digits, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var codePoint)
                || codePoint > 0x10FFFF)
            {
                throw Error("Hexadecimal codepoint is too big", escapeIndex);
            }

            _pos = close + 1;
            return codePoint;
        }

        return ReadHexDigits(2, escapeIndex, "Illegal hexadecimal escape sequence");
    }

    private int ReadUnicodeEscape(int escapeIndex)
    {
        var value = ReadHexDigits(4, escapeIndex, "Illegal Unicode escape sequence");

        // Java joins an escaped surrogate pair \uD83D\uDE00 into one code point.
        if (char.IsHighSurrogate((char)value) && PeekAt(0) == '\\' && PeekAt(1) == 'u')
        {
            var save = _pos;
            _pos += 2;
            var low = ReadHexDigits(4, escapeIndex, "Illegal Unicode escape sequence");
            if (char.IsLowSurrogate((char)low))
            {
                return char.ConvertToUtf32((char)value, (char)low);
            }

            _pos = save;
        }

        return value;
    }

    private int ReadHexDigits(int count, int escapeIndex, string description)
    {
        if (_pos + count > _pattern.Length
            || !int.TryParse(_pattern.AsSpan(_pos, count), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var value))
        {
            throw Error(description, escapeIndex);
        }

        _pos += count;
        return value;
    }

    // \1..\9 are always references; more digits are taken only while that many groups have been opened (Java's rule).
    private int ReadBackReferenceNumber(char first)
    {
        var number = first - '0';
        while (!AtEnd && char.IsAsciiDigit(Current))
        {
            var longer = (number * 10) + (Current - '0');
            if (longer > _groupCount)
            {
                break;
            }

            number = longer;
            _pos++;
        }

        return number;
    }

    private int ReadNamedBackReference()
    {
        if (AtEnd || Current != '<')
        {
            throw Error("\\k is not followed by '<' for named capturing group", _pos);
        }

        _pos++;
        var name = ReadGroupName();
        return _groupNames.TryGetValue(name, out var number)
            ? number
            : throw Error($"named capturing group <{name}> does not exist", _pos - 1);
    }

    private void EmitBackReference(int number)
    {
        var caseInsensitive = Has(JavaRegexOptions.CaseInsensitive) ? 'i' : 'c';
        _out.Append(RefOpen).Append(caseInsensitive).Append(number.ToString(CultureInfo.InvariantCulture)).Append(RefClose);
    }

    private CharSet ReadProperty(bool negated)
    {
        var nameStart = _pos;
        string name;
        if (!AtEnd && Current == '{')
        {
            var close = _pattern.IndexOf('}', _pos);
            if (close < 0)
            {
                throw Error("Unclosed character family", _pattern.Length);
            }

            name = _pattern[(_pos + 1)..close];
            _pos = close + 1;
            if (name.Length == 0)
            {
                throw Error("Empty character family", _pos);
            }
        }
        else
        {
            if (AtEnd)
            {
                throw Error("Illegal character family", _pos);
            }

            name = _pattern[_pos++].ToString();
        }

        var set = JavaCharClasses.Property(name, Has(JavaRegexOptions.CaseInsensitive), Has(JavaRegexOptions.UnicodeCharacterClass))
            ?? throw Error($"Unknown character property name {{{name}}}", nameStart);
        return negated ? set.Complement() : set;
    }

    /// <summary>Emits <c>\Q...\E</c> as literals; a following quantifier applies to the last one, as in Java.</summary>
    private int EmitQuoted()
    {
        var end = _pattern.IndexOf(@"\E", _pos, StringComparison.Ordinal);
        var text = end < 0 ? _pattern[_pos..] : _pattern[_pos..end];
        _pos = end < 0 ? _pattern.Length : end + 2;
        var last = -1;
        foreach (var rune in text.EnumerateRunes())
        {
            last = _out.Length;
            EmitLiteral(rune.Value);
        }

        return last;
    }

    private void EmitLiteral(int codePoint)
    {
        if (codePoint > char.MaxValue)
        {
            // Group the surrogate pair so a quantifier applies to the whole code point, as in Java.
            var pair = char.ConvertFromUtf32(codePoint);
            _out.Append("(?:");
            AppendEscaped(pair[0]);
            AppendEscaped(pair[1]);
            _out.Append(')');
            return;
        }

        var c = (char)codePoint;
        if (Has(JavaRegexOptions.CaseInsensitive) && !Has(JavaRegexOptions.UnicodeCase))
        {
            if (char.IsAsciiLetter(c))
            {
                _out.Append('[').Append(char.ToLowerInvariant(c)).Append(char.ToUpperInvariant(c)).Append(']');
                return;
            }
        }
        else if (Has(JavaRegexOptions.CaseInsensitive))
        {
            var folded = CaseFolding.Close(CharSet.Of(c), Has(JavaRegexOptions.UnicodeCase));
            if (folded.Count() > 1)
            {
                _out.Append(folded.ToRegexAtom());
                return;
            }
        }

        AppendEscaped(c);
    }

    private void AppendEscaped(char c)
    {
        if (char.IsAsciiLetterOrDigit(c) || c == '_')
        {
            _out.Append(c);
        }
        else
        {
            _out.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}");
        }
    }

    private NotSupportedException Unsupported(string construct, int index) =>
        new($"Java regex construct {construct} is not supported (at index {index} in '{_pattern}').");
}
