namespace Serverless.Connect.Text.Internal;

/// <summary>
/// Character classes: unions, nested classes, <c>&amp;&amp;</c> intersections and negation are evaluated exactly on
/// <see cref="CharSet"/> and emitted as one flat .NET class, so no .NET subtraction syntax is needed.
/// </summary>
internal sealed partial class JavaRegexTranslator
{
    /// <summary>Parses a class body after <c>[</c> up to and including its <c>]</c>.</summary>
    private CharSet ParseClass()
    {
        var open = _pos - 1;
        SkipIgnorable();
        var negate = false;
        if (!AtEnd && Current == '^')
        {
            negate = true;
            _pos++;
        }

        var set = ParseClassBody(open, atStart: true) ?? new CharSet();
        _pos++;

        // Java 9+ applies ^ to the whole class, intersections included.
        return negate ? set.Complement() : set;
    }

    /// <summary>Parses items until the closing <c>]</c> (not consumed); null when there are none.</summary>
    private CharSet? ParseClassBody(int open, bool atStart)
    {
        CharSet? union = null;
        var first = atStart;
        while (true)
        {
            SkipIgnorable();
            if (AtEnd)
            {
                throw Error("Unclosed character class", open);
            }

            var c = Current;
            if (c == ']' && !first)
            {
                return union;
            }

            first = false;
            if (c == '&' && PeekAt(1) == '&')
            {
                _pos += 2;
                var right = ParseClassBody(open, atStart: false);
                return union is null ? right : right is null ? union : union.IntersectWith(right);
            }

            CharSet item;
            if (c == '[')
            {
                _pos++;
                item = ParseClass();
            }
            else if (c == '\\' && PeekAt(1) == 'Q')
            {
                _pos += 2;
                item = ParseQuotedClassItems();
            }
            else
            {
                item = ParseClassAtom();
            }

            union = union is null ? item : union.UnionWith(item);
        }
    }

    private CharSet ParseQuotedClassItems()
    {
        var end = _pattern.IndexOf(@"\E", _pos, StringComparison.Ordinal);
        var text = end < 0 ? _pattern[_pos..] : _pattern[_pos..end];
        _pos = end < 0 ? _pattern.Length : end + 2;
        var set = new CharSet();
        foreach (var c in text)
        {
            set.Add(c);
        }

        return FoldCase(set);
    }

    /// <summary>A single character, a range <c>a-z</c>, or an escape naming a set (<c>\d</c>, <c>\p{L}</c>, ...).</summary>
    private CharSet ParseClassAtom()
    {
        var single = ReadClassChar(out var set);
        if (set is not null)
        {
            return set;
        }

        SkipIgnorable();
        if (!AtEnd && Current == '-' && PeekAt(1) is { } next && next != ']' && next != '[')
        {
            _pos++;
            SkipIgnorable();
            var upper = ReadClassChar(out var upperSet);
            if (upperSet is not null || upper < single)
            {
                throw Error("Illegal character range", _pos - 1);
            }

            return FoldCase(CharSet.OfRange((char)single, (char)upper));
        }

        return FoldCase(CharSet.Of((char)single));
    }

    /// <summary>Reads one class member: returns its char, or sets <paramref name="set"/> for a set-valued escape.</summary>
    private int ReadClassChar(out CharSet? set)
    {
        set = null;
        var index = _pos;
        int codePoint;
        if (Current == '\\')
        {
            _pos++;
            if (AtEnd)
            {
                throw Error("Unclosed character class", index);
            }

            var c = _pattern[_pos++];
            switch (c)
            {
                case 'd' or 'D' or 'w' or 'W' or 's' or 'S' or 'h' or 'H' or 'v' or 'V':
                    set = JavaCharClasses.Predefined(c, Has(JavaRegexOptions.UnicodeCharacterClass));
                    return -1;
                case 'p' or 'P':
                    set = ReadProperty(c == 'P');
                    return -1;
                case >= '1' and <= '9' or 'b' or 'B' or 'A' or 'G' or 'z' or 'Z' or 'R' or 'X' or 'k' or 'N' or 'E':
                    throw Error("Illegal/unsupported escape sequence", index + 1);
                default:
                    codePoint = ReadEscapedCodePoint(c, index);
                    break;
            }
        }
        else
        {
            codePoint = ReadCodePoint();
        }

        if (codePoint > char.MaxValue)
        {
            throw new NotSupportedException(
                $"Supplementary code point U+{codePoint:X} in a character class is not supported (at index {index} in '{_pattern}').");
        }

        return codePoint;
    }

    private CharSet FoldCase(CharSet set) =>
        Has(JavaRegexOptions.CaseInsensitive) ? CaseFolding.Close(set, Has(JavaRegexOptions.UnicodeCase)) : set;
}
