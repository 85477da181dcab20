using System.Collections.Concurrent;
using System.Text;
using System.Text.RegularExpressions;
using Serverless.Connect.Text.Internal;

namespace Serverless.Connect.Text;

/// <summary>
/// A <c>java.util.regex.Pattern</c> running on .NET: the Java pattern is translated once (possessive quantifiers,
/// <c>\Q..\E</c>, <c>&amp;&amp;</c> class intersections, Java's ASCII <c>\w \d \s</c> and POSIX classes, Java line
/// terminators for <c>.</c> <c>^</c> <c>$</c>, left-to-right group numbering) and matched with a compiled .NET regex.
/// Instances are immutable and thread-safe.
/// </summary>
/// <remarks>
/// Matching works on UTF-16 code units: outside literals, a supplementary character counts as two characters for
/// <c>.</c> and negated classes, where Java counts one code point. Look-behind length is not checked as Java does.
/// <c>\b</c> uses .NET's Unicode word characters, as JDK 17 does (JDK 19+ switched <c>\b</c> to ASCII <c>\w</c>);
/// the two agree on ASCII text such as topic and table names.
/// </remarks>
public sealed class JavaRegex
{
    /// <summary>Match timeout used when none is given; Java has none, so this only guards against runaway backtracking.</summary>
    public static readonly TimeSpan DefaultMatchTimeout = TimeSpan.FromSeconds(2);

    private const int CacheLimit = 1024;
    private const int ReplacementCacheLimit = 64;
    private static readonly ConcurrentDictionary<(string, JavaRegexOptions), JavaRegex> s_cache = new();

    private readonly JavaRegexTranslation _translation;
    private readonly Regex _find;
    private readonly Lazy<Regex> _whole;
    private readonly ConcurrentDictionary<string, JavaReplacement> _replacements = new(StringComparer.Ordinal);

    /// <summary>Compiles a Java regular expression, like <c>Pattern.compile(pattern, flags)</c>.</summary>
    /// <param name="pattern">The Java pattern.</param>
    /// <param name="options">Java compile flags; inline <c>(?i)</c>-style flags in the pattern are honoured as well.</param>
    /// <param name="matchTimeout">Per-match timeout; <see cref="DefaultMatchTimeout"/> when null.</param>
    /// <exception cref="JavaPatternSyntaxException">Java would reject the pattern.</exception>
    /// <exception cref="NotSupportedException">The pattern uses a construct with no faithful .NET translation.</exception>
    public JavaRegex(string pattern, JavaRegexOptions options = JavaRegexOptions.None, TimeSpan? matchTimeout = null)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        Pattern = pattern;
        Options = options;
        _translation = JavaRegexTranslator.Translate(pattern, options);
        var timeout = matchTimeout ?? DefaultMatchTimeout;
        const RegexOptions NetOptions = RegexOptions.CultureInvariant | RegexOptions.Compiled;
        _find = new Regex(_translation.Pattern, NetOptions, timeout);
        _whole = new Lazy<Regex>(() => new Regex(@"\A(?:" + _translation.Pattern + @")\z", NetOptions, timeout));
    }

    /// <summary>The Java pattern as given.</summary>
    public string Pattern { get; }

    /// <summary>The compile flags as given.</summary>
    public JavaRegexOptions Options { get; }

    /// <summary>The translated .NET pattern (for diagnostics).</summary>
    public string NetPattern => _translation.Pattern;

    /// <summary>Number of capturing groups, as Java's <c>Matcher.groupCount()</c>.</summary>
    public int GroupCount => _translation.GroupCount;

    /// <summary>Named groups and their Java group numbers.</summary>
    public IReadOnlyDictionary<string, int> GroupNames => _translation.GroupNames;

    /// <summary>Returns a cached instance for the pattern and flags, compiling it on first use.</summary>
    /// <param name="pattern">The Java pattern.</param>
    /// <param name="options">Java compile flags.</param>
    /// <exception cref="JavaPatternSyntaxException">Java would reject the pattern.</exception>
    /// <exception cref="NotSupportedException">The pattern uses a construct with no faithful .NET translation.</exception>
    public static JavaRegex Get(string pattern, JavaRegexOptions options = JavaRegexOptions.None)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        if (s_cache.TryGetValue((pattern, options), out var cached))
        {
            return cached;
        }

        if (s_cache.Count >= CacheLimit)
        {
            s_cache.Clear();
        }

        return s_cache.GetOrAdd((pattern, options), key => new JavaRegex(key.Item1, key.Item2));
    }

    /// <summary>Java's <c>Pattern.quote</c>: a pattern matching <paramref name="literal"/> literally.</summary>
    /// <param name="literal">Text to match literally.</param>
    public static string Quote(string literal)
    {
        ArgumentNullException.ThrowIfNull(literal);
        return @"\Q" + literal.Replace(@"\E", @"\E\\E\Q", StringComparison.Ordinal) + @"\E";
    }

    /// <summary>Java's <c>Matcher.quoteReplacement</c>: a replacement string producing <paramref name="literal"/> verbatim.</summary>
    /// <param name="literal">Text to insert literally.</param>
    public static string QuoteReplacement(string literal)
    {
        ArgumentNullException.ThrowIfNull(literal);
        if (literal.AsSpan().IndexOfAny('\\', '$') < 0)
        {
            return literal;
        }

        var builder = new StringBuilder(literal.Length + 8);
        foreach (var c in literal)
        {
            if (c is '\\' or '$')
            {
                builder.Append('\\');
            }

            builder.Append(c);
        }

        return builder.ToString();
    }

    /// <summary>True if the whole input matches, as Java's <c>Matcher.matches()</c>.</summary>
    /// <param name="input">Text to match.</param>
    /// <exception cref="RegexMatchTimeoutException">Matching exceeded the timeout.</exception>
    public bool Matches(string input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return _whole.Value.IsMatch(input);
    }

    /// <summary>The match of the whole input with its groups (Java's <c>matches()</c>), or null.</summary>
    /// <param name="input">Text to match.</param>
    /// <exception cref="RegexMatchTimeoutException">Matching exceeded the timeout.</exception>
    public JavaMatch? MatchEntire(string input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return Wrap(_whole.Value.Match(input));
    }

    /// <summary>The first match at or after <paramref name="startIndex"/>, as Java's <c>Matcher.find(int)</c>, or null.</summary>
    /// <param name="input">Text to search.</param>
    /// <param name="startIndex">Where to start searching; look-behinds still see the text before it.</param>
    /// <exception cref="RegexMatchTimeoutException">Matching exceeded the timeout.</exception>
    public JavaMatch? Find(string input, int startIndex = 0)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentOutOfRangeException.ThrowIfNegative(startIndex);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(startIndex, input.Length);
        return Wrap(_find.Match(input, startIndex));
    }

    /// <summary>All successive matches, as repeated Java <c>Matcher.find()</c> calls.</summary>
    /// <param name="input">Text to search.</param>
    /// <exception cref="RegexMatchTimeoutException">Matching exceeded the timeout.</exception>
    public IEnumerable<JavaMatch> FindAll(string input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return Successive(input).Select(m => Wrap(m)!);
    }

    /// <summary>Replaces the first match, as Java's <c>Matcher.replaceFirst</c> (Java replacement syntax).</summary>
    /// <param name="input">Text to search.</param>
    /// <param name="replacement">Java replacement: <c>$1</c>, <c>${name}</c>, <c>\$</c> for a literal dollar.</param>
    /// <exception cref="ArgumentException">
    /// A match was found and the replacement is malformed or refers to a missing group (Java's
    /// <c>IllegalArgumentException</c> / <c>IndexOutOfBoundsException</c>, same messages).
    /// </exception>
    /// <exception cref="RegexMatchTimeoutException">Matching exceeded the timeout.</exception>
    public string ReplaceFirst(string input, string replacement) => Replace(input, replacement, all: false);

    /// <summary>Replaces every match, as Java's <c>Matcher.replaceAll</c> (Java replacement syntax).</summary>
    /// <param name="input">Text to search.</param>
    /// <param name="replacement">Java replacement: <c>$1</c>, <c>${name}</c>, <c>\$</c> for a literal dollar.</param>
    /// <exception cref="ArgumentException">
    /// A match was found and the replacement is malformed or refers to a missing group.
    /// </exception>
    /// <exception cref="RegexMatchTimeoutException">Matching exceeded the timeout.</exception>
    public string ReplaceAll(string input, string replacement) => Replace(input, replacement, all: true);

    /// <summary>Checks a replacement string against this pattern now, rather than on the first match as Java does.</summary>
    /// <param name="replacement">Java replacement string.</param>
    /// <exception cref="ArgumentException">The replacement is malformed or refers to a missing group.</exception>
    public void ValidateReplacement(string replacement)
    {
        ArgumentNullException.ThrowIfNull(replacement);
        var parsed = new JavaReplacement(replacement, GroupCount, GroupNames);
        parsed.AppendTo(new StringBuilder(), Match.Empty);
    }

    /// <summary>Returns the Java pattern.</summary>
    public override string ToString() => Pattern;

    private string Replace(string input, string replacement, bool all)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(replacement);
        StringBuilder? builder = null;
        var copied = 0;
        foreach (var match in Successive(input))
        {
            builder ??= new StringBuilder(input.Length + replacement.Length);
            builder.Append(input, copied, match.Index - copied);
            ParsedReplacement(replacement).AppendTo(builder, match);
            copied = match.Index + match.Length;
            if (!all)
            {
                break;
            }
        }

        return builder is null ? input : builder.Append(input, copied, input.Length - copied).ToString();
    }

    // Java's find() loop: continue where the last match ended, or one further after an empty match.
    private IEnumerable<Match> Successive(string input)
    {
        var start = 0;
        while (start <= input.Length)
        {
            var match = _find.Match(input, start);
            if (!match.Success)
            {
                yield break;
            }

            yield return match;
            start = match.Length == 0 ? match.Index + 1 : match.Index + match.Length;
        }
    }

    private JavaReplacement ParsedReplacement(string replacement)
    {
        if (_replacements.TryGetValue(replacement, out var parsed))
        {
            return parsed;
        }

        if (_replacements.Count >= ReplacementCacheLimit)
        {
            _replacements.Clear();
        }

        return _replacements.GetOrAdd(replacement, r => new JavaReplacement(r, GroupCount, GroupNames));
    }

    private JavaMatch? Wrap(Match match) => match.Success ? new JavaMatch(match, GroupCount, GroupNames) : null;
}
