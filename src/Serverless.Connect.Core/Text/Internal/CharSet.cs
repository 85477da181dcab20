using System.Globalization;
using System.Numerics;
using System.Text;

namespace Serverless.Connect.Text.Internal;

/// <summary>
/// A mutable set of UTF-16 code units (the BMP), used to evaluate Java character classes exactly (union, intersection,
/// negation, case closure) before emitting a flat .NET character class.
/// </summary>
internal sealed class CharSet
{
    private const int WordCount = 65536 / 64;

    private readonly ulong[] _bits;

    public CharSet()
    {
        _bits = new ulong[WordCount];
    }

    private CharSet(ulong[] bits)
    {
        _bits = bits;
    }

    public bool IsEmpty => Array.TrueForAll(_bits, w => w == 0);

    public static CharSet Of(char c)
    {
        var set = new CharSet();
        set.Add(c);
        return set;
    }

    public static CharSet OfRange(char first, char last)
    {
        var set = new CharSet();
        set.AddRange(first, last);
        return set;
    }

    public static CharSet OfPredicate(Func<char, bool> predicate)
    {
        var set = new CharSet();
        for (var c = 0; c <= char.MaxValue; c++)
        {
            if (predicate((char)c))
            {
                set.Add((char)c);
            }
        }

        return set;
    }

    public static CharSet OfCategories(params UnicodeCategory[] categories)
    {
        var mask = 0L;
        foreach (var category in categories)
        {
            mask |= 1L << (int)category;
        }

        return OfPredicate(c => (mask & (1L << (int)CharUnicodeInfo.GetUnicodeCategory(c))) != 0);
    }

    /// <summary>Parses space-separated hex ranges such as <c>0041-005A 00AA</c> (the generated table format).</summary>
    public static CharSet OfRanges(string ranges)
    {
        var set = new CharSet();
        foreach (var token in ranges.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var dash = token.IndexOf('-', StringComparison.Ordinal);
            var first = (char)int.Parse(dash < 0 ? token : token[..dash], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            var last = dash < 0 ? first : (char)int.Parse(token[(dash + 1)..], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            set.AddRange(first, last);
        }

        return set;
    }

    public bool Contains(char c) => (_bits[c >> 6] & (1UL << (c & 63))) != 0;

    public void Add(char c) => _bits[c >> 6] |= 1UL << (c & 63);

    public void AddRange(char first, char last)
    {
        for (int c = first; c <= last; c++)
        {
            Add((char)c);
        }
    }

    public CharSet Clone() => new((ulong[])_bits.Clone());

    public CharSet UnionWith(CharSet other)
    {
        for (var i = 0; i < WordCount; i++)
        {
            _bits[i] |= other._bits[i];
        }

        return this;
    }

    public CharSet IntersectWith(CharSet other)
    {
        for (var i = 0; i < WordCount; i++)
        {
            _bits[i] &= other._bits[i];
        }

        return this;
    }

    public CharSet ExceptWith(CharSet other)
    {
        for (var i = 0; i < WordCount; i++)
        {
            _bits[i] &= ~other._bits[i];
        }

        return this;
    }

    public CharSet Complement()
    {
        var bits = new ulong[WordCount];
        for (var i = 0; i < WordCount; i++)
        {
            bits[i] = ~_bits[i];
        }

        return new CharSet(bits);
    }

    public int Count()
    {
        var count = 0;
        foreach (var word in _bits)
        {
            count += BitOperations.PopCount(word);
        }

        return count;
    }

    /// <summary>The single member, when the set has exactly one.</summary>
    public char? SingleOrNull()
    {
        return Count() == 1 ? Ranges().First().First : null;
    }

    public IEnumerable<(char First, char Last)> Ranges()
    {
        var start = -1;
        for (var c = 0; c <= char.MaxValue + 1; c++)
        {
            var member = c <= char.MaxValue && Contains((char)c);
            if (member && start < 0)
            {
                start = c;
            }
            else if (!member && start >= 0)
            {
                yield return ((char)start, (char)(c - 1));
                start = -1;
            }
        }
    }

    /// <summary>
    /// Emits a .NET regex atom matching exactly one member: a character class, choosing the shorter of the positive and
    /// negated forms, or a never-matching construct for the empty set.
    /// </summary>
    public string ToRegexAtom()
    {
        var positive = Ranges().ToList();
        if (positive.Count == 0)
        {
            return "(?!)";
        }

        var negative = Complement().Ranges().ToList();
        if (negative.Count == 0)
        {
            return @"[\s\S]";
        }

        var builder = new StringBuilder();
        if (negative.Count < positive.Count)
        {
            builder.Append("[^");
            AppendRanges(builder, negative);
        }
        else
        {
            builder.Append('[');
            AppendRanges(builder, positive);
        }

        return builder.Append(']').ToString();
    }

    private static void AppendRanges(StringBuilder builder, List<(char First, char Last)> ranges)
    {
        foreach (var (first, last) in ranges)
        {
            AppendClassChar(builder, first);
            if (last != first)
            {
                if (last != first + 1)
                {
                    builder.Append('-');
                }

                AppendClassChar(builder, last);
            }
        }
    }

    private static void AppendClassChar(StringBuilder builder, char c)
    {
        if (char.IsAsciiLetterOrDigit(c))
        {
            builder.Append(c);
        }
        else
        {
            builder.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}");
        }
    }
}
