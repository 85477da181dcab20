using System.Globalization;
using System.Text;

namespace Serverless.Connect.Text.Internal;

/// <summary>
/// Translates a <c>java.util.regex.Pattern</c> into an equivalent .NET pattern. Java flags are tracked here rather than
/// passed to .NET, so <c>.</c>, <c>^</c>, <c>$</c>, classes and case folding are emitted with their Java meaning; all
/// groups are emitted unnamed so .NET numbers them left to right exactly as Java does.
/// </summary>
internal sealed partial class JavaRegexTranslator
{
    // Backreferences are emitted as placeholders and resolved once the total group count is known, because Java accepts
    // references to groups that never exist (they simply fail to match) while .NET rejects them.
    private const char RefOpen = '\uE000';
    private const char RefClose = '\uE001';

    private readonly string _pattern;
    private readonly StringBuilder _out = new();
    private readonly Dictionary<string, int> _groupNames = new(StringComparer.Ordinal);
    private JavaRegexOptions _flags;
    private int _pos;
    private int _groupCount;

    private JavaRegexTranslator(string pattern, JavaRegexOptions options)
    {
        _pattern = pattern;
        _flags = options;
        if (Has(JavaRegexOptions.UnicodeCharacterClass))
        {
            _flags |= JavaRegexOptions.UnicodeCase;
        }
    }

    public static JavaRegexTranslation Translate(string pattern, JavaRegexOptions options)
    {
        if ((options & JavaRegexOptions.CanonEq) != 0)
        {
            throw new NotSupportedException($"CANON_EQ is not supported (Java regex '{pattern}').");
        }

        var translator = new JavaRegexTranslator(pattern, options);
        return translator.Run();
    }

    private JavaRegexTranslation Run()
    {
        if (Has(JavaRegexOptions.Literal))
        {
            foreach (var rune in _pattern.EnumerateRunes())
            {
                EmitLiteral(rune.Value);
            }
        }
        else
        {
            ParseAlternation();
            if (_pos < _pattern.Length)
            {
                throw Error("Unmatched closing ')'", _pos);
            }
        }

        return new JavaRegexTranslation(ResolveBackReferences(), _groupCount, new Dictionary<string, int>(_groupNames));
    }

    private bool Has(JavaRegexOptions flag) => (_flags & flag) != 0;

    private bool AtEnd => _pos >= _pattern.Length;

    private char Current => _pattern[_pos];

    private char? PeekAt(int offset) => _pos + offset < _pattern.Length ? _pattern[_pos + offset] : null;

    private JavaPatternSyntaxException Error(string description, int index) => new(description, _pattern, index);

    private void ParseAlternation()
    {
        ParseSequence();
        while (!AtEnd && Current == '|')
        {
            _pos++;
            _out.Append('|');
            ParseSequence();
        }
    }

    private void ParseSequence()
    {
        while (true)
        {
            SkipIgnorable();
            if (AtEnd || Current is '|' or ')')
            {
                return;
            }

            var atomStart = ParseAtom();
            if (atomStart >= 0)
            {
                ParseQuantifier(atomStart);
            }
        }
    }

    /// <summary>Parses one atom; returns where its output starts (for quantifiers), or -1 if it cannot be quantified.</summary>
    private int ParseAtom()
    {
        var start = _out.Length;
        var c = Current;
        switch (c)
        {
            case '(':
                return ParseGroup() ? start : -1;
            case '[':
                _pos++;
                _out.Append(ParseClass().ToRegexAtom());
                return start;
            case '.':
                _pos++;
                _out.Append(DotAtom());
                return start;
            case '^':
                _pos++;
                _out.Append(CaretAnchor());
                return start;
            case '$':
                _pos++;
                _out.Append(DollarAnchor(Has(JavaRegexOptions.Multiline)));
                return start;
            case '\\':
                return ParseEscape();
            case '*' or '+' or '?':
                throw Error($"Dangling meta character '{c}'", _pos);
            case '{':
                throw Error("Illegal repetition", _pos);
            default:
                EmitLiteral(ReadCodePoint());
                return start;
        }
    }

    private int ReadCodePoint()
    {
        var c = _pattern[_pos++];
        if (char.IsHighSurrogate(c) && !AtEnd && char.IsLowSurrogate(Current))
        {
            return char.ConvertToUtf32(c, _pattern[_pos++]);
        }

        return c;
    }

    private void ParseQuantifier(int atomStart)
    {
        SkipIgnorable();
        if (AtEnd)
        {
            return;
        }

        string quantifier;
        switch (Current)
        {
            case '*' or '+' or '?':
                quantifier = Current.ToString();
                _pos++;
                break;
            case '{':
                quantifier = ParseCountedRepetition();
                break;
            default:
                return;
        }

        SkipIgnorable();
        var possessive = false;
        if (!AtEnd && Current == '?')
        {
            quantifier += "?";
            _pos++;
        }
        else if (!AtEnd && Current == '+')
        {
            possessive = true;
            _pos++;
        }

        if (possessive)
        {
            // A possessive quantifier never gives back what it matched: exactly an atomic group around the loop.
            _out.Insert(atomStart, "(?>");
            _out.Append(quantifier).Append(')');
        }
        else
        {
            _out.Append(quantifier);
        }

        SkipIgnorable();
        if (!AtEnd && Current is '*' or '+' or '?')
        {
            throw Error($"Dangling meta character '{Current}'", _pos);
        }

        if (!AtEnd && Current == '{')
        {
            // Java parses a counted repetition right after another quantifier ("a{2}{3}") and then ignores it.
            _ = ParseCountedRepetition();
        }
    }

    private string ParseCountedRepetition()
    {
        var open = _pos;
        _pos++;
        SkipIgnorable();
        var min = ReadNumber() ?? throw Error("Illegal repetition", open);
        int? max = min;
        SkipIgnorable();
        if (!AtEnd && Current == ',')
        {
            _pos++;
            SkipIgnorable();
            max = ReadNumber();
            SkipIgnorable();
        }

        if (AtEnd || Current != '}')
        {
            throw Error("Unclosed counted closure", _pos);
        }

        _pos++;
        if (max is { } upper && upper < min)
        {
            throw Error("Illegal repetition range", open);
        }

        var text = _pattern[(open + 1)..(_pos - 1)].Contains(',', StringComparison.Ordinal)
            ? $"{{{min},{max?.ToString(CultureInfo.InvariantCulture)}}}"
            : $"{{{min}}}";
        return text;
    }

    private int? ReadNumber()
    {
        var start = _pos;
        while (!AtEnd && char.IsAsciiDigit(Current))
        {
            _pos++;
        }

        if (start == _pos)
        {
            return null;
        }

        return int.TryParse(_pattern.AsSpan(start, _pos - start), NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw Error("Illegal repetition range", start);
    }

    /// <summary>In <c>COMMENTS</c> mode Java skips ASCII whitespace and <c>#</c> comments wherever it peeks for a token.</summary>
    private void SkipIgnorable()
    {
        if (!Has(JavaRegexOptions.Comments))
        {
            return;
        }

        while (!AtEnd)
        {
            if (Current is ' ' or '\t' or '\n' or '\u000B' or '\f' or '\r')
            {
                _pos++;
            }
            else if (Current == '#')
            {
                while (!AtEnd && !IsLineTerminator(Current))
                {
                    _pos++;
                }
            }
            else
            {
                return;
            }
        }
    }

    private bool IsLineTerminator(char c) =>
        Has(JavaRegexOptions.UnixLines) ? c == '\n' : c is '\n' or '\r' or '\u0085' or '\u2028' or '\u2029';

    private string ResolveBackReferences()
    {
        var text = _out.ToString();
        if (!text.Contains(RefOpen, StringComparison.Ordinal))
        {
            return text;
        }

        var result = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] != RefOpen)
            {
                result.Append(text[i]);
                continue;
            }

            var close = text.IndexOf(RefClose, i);
            var body = text[(i + 1)..close];
            var caseInsensitive = body[0] == 'i';
            var number = int.Parse(body.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture);
            if (number > _groupCount)
            {
                result.Append("(?!)");
            }
            else
            {
                result.Append(caseInsensitive ? "(?i:\\" : "(?:\\").Append(number).Append(')');
            }

            i = close;
        }

        return result.ToString();
    }
}
