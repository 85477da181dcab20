using System.Collections.Concurrent;
using System.Globalization;
using static System.Globalization.UnicodeCategory;

namespace Serverless.Connect.Text.Internal;

/// <summary>
/// The character sets behind Java's predefined classes (<c>\d</c>, <c>\w</c>, ...) and <c>\p{...}</c> property names,
/// with the <c>java.util.regex</c> meanings (ASCII by default, Unicode under <c>UNICODE_CHARACTER_CLASS</c>).
/// Sets are cached and must be cloned before mutation.
/// </summary>
internal static class JavaCharClasses
{
    private static readonly ConcurrentDictionary<string, CharSet> s_cache = new(StringComparer.Ordinal);

    public static CharSet AsciiDigit => Cached("digit", () => CharSet.OfRange('0', '9'));

    public static CharSet AsciiWord => Cached("word", () => Ranges("0030-0039 0041-005A 005F 0061-007A"));

    public static CharSet AsciiSpace => Cached("space", () => Ranges("0009-000D 0020"));

    public static CharSet Horizontal => Cached("h", () => Ranges("0009 0020 00A0 1680 180E 2000-200A 202F 205F 3000"));

    public static CharSet Vertical => Cached("v", () => Ranges("000A-000D 0085 2028-2029"));

    public static CharSet LineTerminators => Cached("eol", () => Ranges("000A 000D 0085 2028-2029"));

    /// <summary>The set for a predefined escape letter (<c>d D w W s S h H v V</c>).</summary>
    public static CharSet Predefined(char letter, bool unicodeClass)
    {
        var set = char.ToLowerInvariant(letter) switch
        {
            'd' => unicodeClass ? Category(DecimalDigitNumber) : AsciiDigit,
            'w' => unicodeClass ? UnicodeWord : AsciiWord,
            's' => unicodeClass ? WhiteSpace : AsciiSpace,
            'h' => Horizontal,
            _ => Vertical,
        };
        return char.IsUpper(letter) ? set.Complement() : set.Clone();
    }

    /// <summary>
    /// Resolves the name inside <c>\p{...}</c> the way <c>java.util.regex.Pattern</c> does, or returns null for an
    /// unknown name. <paramref name="caseInsensitive"/> applies Java's special case for the case properties.
    /// </summary>
    public static CharSet? Property(string name, bool caseInsensitive, bool unicodeClass)
    {
        var equals = name.IndexOf('=', StringComparison.Ordinal);
        if (equals > 0)
        {
            var key = name[..equals];
            var value = name[(equals + 1)..];
            return key switch
            {
                "sc" or "script" => Script(value),
                "blk" or "block" => Block(value),
                "gc" or "general_category" => JavaProperty(value, caseInsensitive),
                _ => null,
            };
        }

        if (name.StartsWith("In", StringComparison.Ordinal))
        {
            return Block(name[2..]);
        }

        if (name.StartsWith("Is", StringComparison.Ordinal))
        {
            var rest = name[2..];
            return BinaryProperty(rest, caseInsensitive) ?? JavaProperty(rest, caseInsensitive) ?? Script(rest);
        }

        if (unicodeClass && PosixToBinary(name) is { } binary)
        {
            return BinaryProperty(binary, caseInsensitive);
        }

        return JavaProperty(name, caseInsensitive);
    }

    private static string? PosixToBinary(string name) => name switch
    {
        "Alpha" => "ALPHABETIC",
        "Lower" => "LOWERCASE",
        "Upper" => "UPPERCASE",
        "Space" => "WHITE_SPACE",
        "Punct" => "PUNCTUATION",
        "XDigit" => "HEX_DIGIT",
        "Alnum" => "ALNUM",
        "Cntrl" => "CONTROL",
        "Digit" => "DIGIT",
        "Blank" => "BLANK",
        "Graph" => "GRAPH",
        "Print" => "PRINT",
        _ => null,
    };

    private static CharSet? BinaryProperty(string name, bool caseInsensitive)
    {
        return name.ToUpperInvariant() switch
        {
            "ALPHABETIC" => Alphabetic,
            "ASSIGNED" => Category(OtherNotAssigned).Complement(),
            "CONTROL" => Category(UnicodeCategory.Control),
            "HEXDIGIT" or "HEX_DIGIT" => HexDigit,
            "IDEOGRAPHIC" => Table("Ideographic", UnicodeTables.Ideographic),
            "JOINCONTROL" or "JOIN_CONTROL" => Ranges("200C-200D"),
            "LETTER" => Letter,
            "LOWERCASE" => caseInsensitive ? AnyCase : JavaLower,
            "UPPERCASE" => caseInsensitive ? AnyCase : JavaUpper,
            "TITLECASE" => caseInsensitive ? AnyCase : Category(TitlecaseLetter),
            "NONCHARACTERCODEPOINT" or "NONCHARACTER_CODE_POINT" => Ranges("FDD0-FDEF FFFE-FFFF"),
            "PUNCTUATION" => Punctuation,
            "WHITESPACE" or "WHITE_SPACE" => WhiteSpace,
            "WORD" => UnicodeWord,
            "ALNUM" => Cached("alnumU", () => Alphabetic.UnionWith(Category(DecimalDigitNumber))),
            "BLANK" => Cached("blankU", () => Category(SpaceSeparator).UnionWith(CharSet.Of('\t'))),
            "GRAPH" => Graph,
            "PRINT" => Cached("printU", () => Graph.UnionWith(Category(SpaceSeparator)).UnionWith(CharSet.Of('\t'))
                .ExceptWith(Category(UnicodeCategory.Control))),
            "DIGIT" => Category(DecimalDigitNumber),
            _ => null,
        };
    }

    private static CharSet? JavaProperty(string name, bool caseInsensitive)
    {
        if (GeneralCategory(name, caseInsensitive) is { } category)
        {
            return category;
        }

        return name switch
        {
            "ASCII" => Ranges("0000-007F"),
            "Alnum" => Ranges("0030-0039 0041-005A 0061-007A"),
            "Alpha" => Ranges("0041-005A 0061-007A"),
            "Blank" => Ranges("0009 0020"),
            "Cntrl" => Ranges("0000-001F 007F"),
            "Digit" => AsciiDigit.Clone(),
            "Graph" => Ranges("0021-007E"),
            "Lower" => caseInsensitive ? Ranges("0041-005A 0061-007A") : Ranges("0061-007A"),
            "Print" => Ranges("0020-007E"),
            "Punct" => Ranges("0021-002F 003A-0040 005B-0060 007B-007E"),
            "Space" => AsciiSpace.Clone(),
            "Upper" => caseInsensitive ? Ranges("0041-005A 0061-007A") : Ranges("0041-005A"),
            "XDigit" => Ranges("0030-0039 0041-0046 0061-0066"),
            "javaLowerCase" => caseInsensitive ? AnyCase : JavaLower,
            "javaUpperCase" => caseInsensitive ? AnyCase : JavaUpper,
            "javaTitleCase" => caseInsensitive ? AnyCase : Category(TitlecaseLetter),
            "javaAlphabetic" => Alphabetic,
            "javaIdeographic" => Table("Ideographic", UnicodeTables.Ideographic),
            "javaDigit" => Category(DecimalDigitNumber),
            "javaDefined" => Category(OtherNotAssigned).Complement(),
            "javaLetter" => Letter,
            "javaLetterOrDigit" => Letter.UnionWith(Category(DecimalDigitNumber)),
            "javaJavaIdentifierStart" => JavaIdentifierStart,
            "javaJavaIdentifierPart" => JavaIdentifierStart.UnionWith(IdentifierPartExtras),
            "javaUnicodeIdentifierStart" => UnicodeIdentifierStart,
            "javaUnicodeIdentifierPart" => UnicodeIdentifierStart.UnionWith(IdentifierPartExtras)
                .ExceptWith(Category(CurrencySymbol)).UnionWith(Ranges("00B7 0387 1369-1371 19DA")),
            "javaIdentifierIgnorable" => IdentifierIgnorable,
            "javaSpaceChar" => Categories(SpaceSeparator, LineSeparator, ParagraphSeparator),
            "javaWhitespace" => Categories(SpaceSeparator, LineSeparator, ParagraphSeparator)
                .ExceptWith(Ranges("00A0 2007 202F")).UnionWith(Ranges("0009-000D 001C-001F")),
            "javaISOControl" => Ranges("0000-001F 007F-009F"),
            "javaMirrored" => Table("Mirrored", UnicodeTables.Mirrored),
            _ => null,
        };
    }

    private static CharSet? GeneralCategory(string name, bool caseInsensitive)
    {
        return name switch
        {
            "Lu" or "Ll" or "Lt" when caseInsensitive => AnyCase,
            "Lu" => Category(UppercaseLetter),
            "Ll" => Category(LowercaseLetter),
            "Lt" => Category(TitlecaseLetter),
            "Lm" => Category(ModifierLetter),
            "Lo" => Category(OtherLetter),
            "Mn" => Category(NonSpacingMark),
            "Mc" => Category(SpacingCombiningMark),
            "Me" => Category(EnclosingMark),
            "Nd" => Category(DecimalDigitNumber),
            "Nl" => Category(LetterNumber),
            "No" => Category(OtherNumber),
            "Zs" => Category(SpaceSeparator),
            "Zl" => Category(LineSeparator),
            "Zp" => Category(ParagraphSeparator),
            "Cc" => Category(UnicodeCategory.Control),
            "Cf" => Category(Format),
            "Cs" => Category(Surrogate),
            "Co" => Category(PrivateUse),
            "Cn" => Category(OtherNotAssigned),
            "Pc" => Category(ConnectorPunctuation),
            "Pd" => Category(DashPunctuation),
            "Ps" => Category(OpenPunctuation),
            "Pe" => Category(ClosePunctuation),
            "Pi" => Category(InitialQuotePunctuation),
            "Pf" => Category(FinalQuotePunctuation),
            "Po" => Category(OtherPunctuation),
            "Sm" => Category(MathSymbol),
            "Sc" => Category(CurrencySymbol),
            "Sk" => Category(ModifierSymbol),
            "So" => Category(OtherSymbol),
            "L" => Letter,
            "M" => Categories(NonSpacingMark, SpacingCombiningMark, EnclosingMark),
            "N" => Categories(DecimalDigitNumber, LetterNumber, OtherNumber),
            "Z" => Categories(SpaceSeparator, LineSeparator, ParagraphSeparator),
            "C" => Categories(UnicodeCategory.Control, Format, Surrogate, PrivateUse, OtherNotAssigned),
            "P" => Punctuation,
            "S" => Categories(MathSymbol, CurrencySymbol, ModifierSymbol, OtherSymbol),
            "LC" => AnyCase,
            "LD" => Letter.UnionWith(Category(DecimalDigitNumber)),
            "L1" => Ranges("0000-00FF"),
            "all" => Ranges("0000-FFFF"),
            _ => null,
        };
    }

    private static CharSet Letter =>
        Categories(UppercaseLetter, LowercaseLetter, TitlecaseLetter, ModifierLetter, OtherLetter);

    private static CharSet AnyCase => Categories(UppercaseLetter, LowercaseLetter, TitlecaseLetter);

    private static CharSet Punctuation => Categories(ConnectorPunctuation, DashPunctuation, OpenPunctuation,
        ClosePunctuation, InitialQuotePunctuation, FinalQuotePunctuation, OtherPunctuation);

    private static CharSet JavaLower => Cached("javaLower",
        () => Category(LowercaseLetter).UnionWith(Table("OtherLowercase", UnicodeTables.OtherLowercase)));

    private static CharSet JavaUpper => Cached("javaUpper",
        () => Category(UppercaseLetter).UnionWith(Table("OtherUppercase", UnicodeTables.OtherUppercase)));

    private static CharSet Alphabetic => Cached("alphabetic",
        () => Letter.UnionWith(Category(LetterNumber)).UnionWith(Table("OtherAlphabetic", UnicodeTables.OtherAlphabetic)));

    private static CharSet HexDigit => Cached("hexU",
        () => Category(DecimalDigitNumber).UnionWith(Ranges("0041-0046 0061-0066 FF21-FF26 FF41-FF46")));

    private static CharSet WhiteSpace => Cached("whiteSpace",
        () => Categories(SpaceSeparator, LineSeparator, ParagraphSeparator).UnionWith(Ranges("0009-000D 0085")));

    private static CharSet UnicodeWord => Cached("wordU", () => Alphabetic
        .UnionWith(Categories(NonSpacingMark, EnclosingMark, SpacingCombiningMark, DecimalDigitNumber, ConnectorPunctuation))
        .UnionWith(Ranges("200C-200D")));

    private static CharSet Graph => Categories(SpaceSeparator, LineSeparator, ParagraphSeparator,
        UnicodeCategory.Control, Surrogate, OtherNotAssigned).Complement();

    private static CharSet IdentifierIgnorable =>
        Ranges("0000-0008 000E-001B 007F-009F").UnionWith(Category(Format));

    private static CharSet JavaIdentifierStart => Letter.UnionWith(Categories(LetterNumber, CurrencySymbol, ConnectorPunctuation));

    private static CharSet IdentifierPartExtras =>
        Categories(DecimalDigitNumber, SpacingCombiningMark, NonSpacingMark).UnionWith(IdentifierIgnorable);

    // Approximation: Java 17 adds Other_ID_Start (these four code points) to letters and letter numbers.
    private static CharSet UnicodeIdentifierStart => Letter.UnionWith(Category(LetterNumber)).UnionWith(Ranges("2118 212E 309B-309C"));

    private static CharSet? Block(string name)
    {
        var key = NormalizeBlockName(name);
        var aliased = key switch
        {
            "GREEKANDCOPTIC" => "GREEK",
            "CYRILLICSUPPLEMENT" => "CYRILLICSUPPLEMENTARY",
            "COMBININGDIACRITICALMARKSFORSYMBOLS" => "COMBININGMARKSFORSYMBOLS",
            _ => key,
        };
        foreach (var entry in UnicodeTables.Blocks)
        {
            var space = entry.IndexOf(' ', StringComparison.Ordinal);
            if (NormalizeBlockName(entry[..space]) == aliased)
            {
                return Cached("blk:" + aliased, () => CharSet.OfRanges(entry[(space + 1)..]));
            }
        }

        return null;
    }

    private static string NormalizeBlockName(string name) =>
        new string(name.Where(c => c is not (' ' or '_' or '-')).ToArray()).ToUpperInvariant();

    private static CharSet? Script(string name)
    {
        var key = name.ToUpperInvariant().Replace(' ', '_');
        if (key == "UNKNOWN" || key == "ZZZZ")
        {
            return Cached("sc:UNKNOWN", () =>
            {
                var known = new CharSet();
                foreach (var entry in UnicodeTables.Scripts)
                {
                    known.UnionWith(CharSet.OfRanges(entry[(entry.IndexOf(' ', StringComparison.Ordinal) + 1)..]));
                }

                return known.Complement();
            });
        }

        foreach (var entry in UnicodeTables.Scripts)
        {
            var space = entry.IndexOf(' ', StringComparison.Ordinal);
            if (string.Equals(entry[..space], key, StringComparison.Ordinal))
            {
                return Cached("sc:" + key, () => CharSet.OfRanges(entry[(space + 1)..]));
            }
        }

        return null;
    }

    private static CharSet Category(UnicodeCategory category) => Categories(category);

    private static CharSet Categories(params UnicodeCategory[] categories) =>
        Cached("gc:" + string.Join(',', categories.Select(c => ((int)c).ToString(CultureInfo.InvariantCulture))),
            () => CharSet.OfCategories(categories));

    private static CharSet Table(string name, string ranges) => Cached("table:" + name, () => CharSet.OfRanges(ranges));

    private static CharSet Ranges(string ranges) => Cached("ranges:" + ranges, () => CharSet.OfRanges(ranges));

    // Every accessor hands out a clone, so callers may mutate freely.
    private static CharSet Cached(string key, Func<CharSet> factory) => s_cache.GetOrAdd(key, _ => factory()).Clone();
}
