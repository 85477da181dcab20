using System.Text;

namespace Serverless.Connect.Text.Internal;

/// <summary>
/// Splits SimpleDateFormat and Joda-Time patterns: ASCII letters form fields (a run of the same letter), text in single
/// quotes is literal, <c>''</c> is a quote character inside or outside quotes, and any other character is literal.
/// </summary>
internal static class DatePatternTokenizer
{
    /// <exception cref="ArgumentException">Unknown letter or unterminated quote.</exception>
    public static List<DatePatternToken> Tokenize(string pattern, string letters, Func<char, string> illegalLetterMessage,
        bool unterminatedQuoteIsLiteral = false)
    {
        var tokens = new List<DatePatternToken>();
        var literal = new StringBuilder();
        var i = 0;
        while (i < pattern.Length)
        {
            var c = pattern[i];
            if (c == '\'')
            {
                i = ReadQuoted(pattern, i, literal, unterminatedQuoteIsLiteral);
                continue;
            }

            if (char.IsAsciiLetter(c))
            {
                if (!letters.Contains(c, StringComparison.Ordinal))
                {
                    throw new ArgumentException(illegalLetterMessage(c), nameof(pattern));
                }

                var start = i;
                while (i < pattern.Length && pattern[i] == c)
                {
                    i++;
                }

                Flush(tokens, literal);
                tokens.Add(new DatePatternToken(c, i - start, null));
                continue;
            }

            literal.Append(c);
            i++;
        }

        Flush(tokens, literal);
        return tokens;
    }

    private static int ReadQuoted(string pattern, int quote, StringBuilder literal, bool unterminatedIsLiteral)
    {
        if (quote + 1 < pattern.Length && pattern[quote + 1] == '\'')
        {
            literal.Append('\'');
            return quote + 2;
        }

        var i = quote + 1;
        while (i < pattern.Length)
        {
            if (pattern[i] == '\'')
            {
                if (i + 1 < pattern.Length && pattern[i + 1] == '\'')
                {
                    literal.Append('\'');
                    i += 2;
                    continue;
                }

                return i + 1;
            }

            literal.Append(pattern[i++]);
        }

        return unterminatedIsLiteral ? i : throw new ArgumentException($"Unterminated quote in date pattern '{pattern}'", nameof(pattern));
    }

    private static void Flush(List<DatePatternToken> tokens, StringBuilder literal)
    {
        if (literal.Length > 0)
        {
            tokens.Add(new DatePatternToken('\0', literal.Length, literal.ToString()));
            literal.Clear();
        }
    }
}
