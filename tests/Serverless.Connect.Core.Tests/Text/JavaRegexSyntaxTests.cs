using Serverless.Connect.Text;

namespace Serverless.Connect.Core.Tests.Text;

// Expected values were produced by java.util.regex on JDK 17 for the same pattern and input.
public sealed class JavaRegexSyntaxTests
{
    [Theory]
    [InlineData("a++b", "aab", true)]
    [InlineData("a*+a", "aaa", false)]
    [InlineData("a++a", "aa", false)]
    [InlineData("a?+a", "a", false)]
    [InlineData("(?:ab)++b", "ababb", true)]
    [InlineData("a{1,3}+a", "aaa", false)]
    [InlineData("a{1,3}+a", "aaaa", true)]
    public void Matches_PossessiveQuantifier_NeverGivesBack(string pattern, string input, bool expected)
    {
        Assert.Equal(expected, new JavaRegex(pattern).Matches(input));
    }

    [Theory]
    [InlineData(@"\QA.B\E", "A.B", true)]
    [InlineData(@"\QA.B\E", "AxB", false)]
    [InlineData(@"\QA.B", "A.B", true)]
    [InlineData(@"\Qa.b\E+", "a.bbb", true)]
    [InlineData(@"\Qa.b\E+", "a.ba.b", false)]
    [InlineData(@"[\Q]\E]", "]", true)]
    [InlineData(@"[\Qa-c\E]", "-", true)]
    [InlineData(@"[\Qa-c\E]", "b", false)]
    public void Matches_Quoting_IsLiteralAndQuantifierBindsLastChar(string pattern, string input, bool expected)
    {
        Assert.Equal(expected, new JavaRegex(pattern).Matches(input));
    }

    [Theory]
    [InlineData("[a-z&&[^aeiou]]", "b", true)]
    [InlineData("[a-z&&[^aeiou]]", "a", false)]
    [InlineData("[^a-z&&[aeiou]]", "b", true)]
    [InlineData("[^a-z&&[aeiou]]", "a", false)]
    [InlineData("[^a-z&&[aeiou]]", "1", true)]
    [InlineData("[a-z&&def]", "e", true)]
    [InlineData("[a-z&&def]", "x", false)]
    [InlineData("[a&&]", "a", true)]
    [InlineData("[&&a]", "a", true)]
    [InlineData("[ab&&bc&&cb]", "b", true)]
    [InlineData("[a-c[x-z]]", "y", true)]
    [InlineData("[^a-c[x-z]]", "y", false)]
    [InlineData("[^a-c[x-z]]", "m", true)]
    [InlineData("[a[^b]]", "c", true)]
    [InlineData("[a[^b]]", "b", false)]
    [InlineData(@"[\p{L}&&[^\p{Lu}]]", "a", true)]
    [InlineData(@"[\p{L}&&[^\p{Lu}]]", "A", false)]
    [InlineData(@"[^\p{L}\d]", "_", true)]
    [InlineData(@"[^\p{L}\d]", "5", false)]
    public void Matches_ClassUnionIntersectionAndNegation_FollowJava9Rules(string pattern, string input, bool expected)
    {
        Assert.Equal(expected, new JavaRegex(pattern).Matches(input));
    }

    [Theory]
    [InlineData("[]a]", "]", true)]
    [InlineData("[^]a]", "b", true)]
    [InlineData("[a-]", "-", true)]
    [InlineData("[-a]", "-", true)]
    [InlineData("[a-b-c]", "-", true)]
    [InlineData("[a-b-c]", "c", true)]
    [InlineData(@"[\w-]", "-", true)]
    [InlineData(@"[\d-z]", "-", true)]
    [InlineData("[a^]", "^", true)]
    [InlineData("[a&b]", "&", true)]
    [InlineData("[[a]]", "a", true)]
    [InlineData(@"[\[\]]+", "[]", true)]
    [InlineData("a}", "a}", true)]
    [InlineData("]", "]", true)]
    public void Matches_LiteralPunctuationInAndOutOfClasses(string pattern, string input, bool expected)
    {
        Assert.Equal(expected, new JavaRegex(pattern).Matches(input));
    }

    [Theory]
    [InlineData(".", "\r", false)]
    [InlineData(".", "\u0085", false)]
    [InlineData(".", "\u2028", false)]
    [InlineData("(?d).", "\r", true)]
    [InlineData("(?s).", "\n", true)]
    [InlineData("a.b", "a\nb", false)]
    [InlineData("(?s)a.b", "a\nb", true)]
    [InlineData("a$", "a\n", false)]
    [InlineData(@"\R", "\r\n", true)]
    [InlineData(@"\R\n", "\r\n", true)]
    [InlineData(@"\h", "\u00a0", true)]
    [InlineData(@"\v", "\u000b", true)]
    [InlineData(@"\v", "\n", true)]
    [InlineData("(?m)^$", "", false)]
    [InlineData("^$", "", true)]
    [InlineData("(?m)^a$\\n^b$", "a\nb", true)]
    public void Matches_LineTerminatorsUseJavaDefinitions(string pattern, string input, bool expected)
    {
        Assert.Equal(expected, new JavaRegex(pattern).Matches(input));
    }

    [Theory]
    [InlineData("(?m)^", "a\nb\n", "0-0 2-2")]
    [InlineData("(?m)^", "a\r\nb", "0-0 3-3")]
    [InlineData("(?m)$", "a\r\nb\r\n", "1-1 4-4 6-6")]
    [InlineData("$", "a\r\n", "1-1 3-3")]
    [InlineData("$", "a\n\n", "2-2 3-3")]
    [InlineData("$", "a\u0085", "1-1 2-2")]
    [InlineData(@"\Z", "a\r", "1-1 2-2")]
    [InlineData("(?m)^$", "\n\n", "0-0 1-1")]
    [InlineData("a*?", "aa", "0-0 1-1 2-2")]
    [InlineData("(?<=a)b", "abab", "1-2 3-4")]
    [InlineData(@"\Gab", "ababxab", "0-2 2-4")]
    [InlineData(@"\b", "ab cd", "0-0 2-2 3-3 5-5")]
    public void FindAll_AnchorsAndEmptyMatches_AdvanceLikeJavaFind(string pattern, string input, string expected)
    {
        var spans = new JavaRegex(pattern).FindAll(input).Select(m => $"{m.Start}-{m.End}");
        Assert.Equal(expected, string.Join(' ', spans));
    }

    [Theory]
    [InlineData(@"\w", "\u00e9", false)]
    [InlineData(@"(?U)\w", "\u00e9", true)]
    [InlineData(@"\d", "\u0663", false)]
    [InlineData(@"\p{Alpha}", "\u00e9", false)]
    [InlineData(@"(?U)\p{Alpha}", "\u00e9", true)]
    [InlineData(@"\p{Lower}", "\u00e9", false)]
    [InlineData(@"(?U)\p{Lower}", "\u00e9", true)]
    [InlineData(@"\p{Punct}", "_", true)]
    [InlineData(@"\p{Digit}", "7", true)]
    [InlineData(@"\p{Alnum}", "\u00e9", false)]
    [InlineData(@"\p{IsAlnum}", "\u00e9", true)]
    [InlineData(@"\p{XDigit}", "f", true)]
    [InlineData(@"\p{XDigit}", "g", false)]
    [InlineData(@"\p{Space}", "\u000b", true)]
    [InlineData(@"\p{Upper}", "A", true)]
    [InlineData(@"\p{Print}", " ", true)]
    [InlineData(@"\p{Graph}", " ", false)]
    [InlineData(@"\p{Blank}", "\t", true)]
    [InlineData(@"\p{Cntrl}", "\u007f", true)]
    [InlineData(@"\p{ASCII}", "\u0080", false)]
    public void Matches_PosixClasses_AreAsciiUnlessUnicodeCharacterClass(string pattern, string input, bool expected)
    {
        Assert.Equal(expected, new JavaRegex(pattern).Matches(input));
    }

    [Theory]
    [InlineData(@"\p{javaLowerCase}+", "abc\u00aa", true)]
    [InlineData(@"\p{javaUpperCase}", "\u2160", true)]
    [InlineData(@"\p{javaWhitespace}", "\u00a0", false)]
    [InlineData(@"\p{javaWhitespace}", "\u001c", true)]
    [InlineData(@"\p{javaSpaceChar}", "\u00a0", true)]
    [InlineData(@"\p{javaMirrored}", "(", true)]
    [InlineData(@"\p{IsAlphabetic}", "a", true)]
    [InlineData(@"\p{IsAlphabetic}", "\u0345", true)]
    [InlineData(@"\p{IsLatin}", "\u00e9", true)]
    [InlineData(@"\p{IsLATIN}", "a", true)]
    [InlineData(@"\p{IsGreek}", "a", false)]
    [InlineData(@"\p{IsHan}", "\u4e2d", true)]
    [InlineData(@"\p{IsCyrillic}", "\u0416", true)]
    [InlineData(@"\p{sc=Latin}", "a", true)]
    [InlineData(@"\p{InGreek}", "\u03b1", true)]
    [InlineData(@"\p{InBasic Latin}", "a", true)]
    [InlineData(@"\p{InBASIC_LATIN}", "a", true)]
    [InlineData(@"\p{Inlatin-1 supplement}", "\u00e9", true)]
    [InlineData(@"\p{InGreek and Coptic}", "\u03b1", true)]
    [InlineData(@"\p{blk=Greek}", "\u03b1", true)]
    [InlineData(@"\p{InCJK_Unified_Ideographs}", "\u4e2d", true)]
    [InlineData(@"\p{IsIdeographic}", "\u4e2d", true)]
    [InlineData(@"\p{IsHex_Digit}", "\uff21", true)]
    [InlineData(@"\p{IsJoin_Control}", "\u200c", true)]
    [InlineData(@"\P{IsJoin_Control}", "a", true)]
    [InlineData(@"\p{L}", "a", true)]
    [InlineData(@"\pL", "a", true)]
    [InlineData(@"\p{IsL}", "a", true)]
    [InlineData(@"\p{LC}", "a", true)]
    [InlineData(@"\p{gc=Lu}", "A", true)]
    [InlineData(@"\p{L1}", "\u00e9", true)]
    [InlineData(@"\P{L}", "1", true)]
    [InlineData(@"[^\P{L}]", "a", true)]
    public void Matches_JavaUnicodeScriptBlockAndCategoryProperties(string pattern, string input, bool expected)
    {
        Assert.Equal(expected, new JavaRegex(pattern).Matches(input));
    }

    [Theory]
    [InlineData(@"\x41\u0042\0103\t", "ABC\t")]
    [InlineData(@"[\x41-\x43]+", "ABC")]
    [InlineData(@"[\0101-\0103]+", "ABC")]
    [InlineData(@"\x{41}", "A")]
    [InlineData(@"\x{1F600}", "\ud83d\ude00")]
    [InlineData(@"\x{1F600}{2}", "\ud83d\ude00\ud83d\ude00")]
    [InlineData(@"\e", "\u001b")]
    [InlineData(@"\cA", "\u0001")]
    [InlineData(@"\c?", "\u007f")]
    [InlineData(@"\\", "\\")]
    [InlineData(@"\<\""", "<\"")]
    public void Matches_CharacterEscapes(string pattern, string input)
    {
        Assert.True(new JavaRegex(pattern).Matches(input));
    }

    [Theory]
    [InlineData("(?x)[a b]", " ", false)]
    [InlineData("(?x)a b", "ab", true)]
    [InlineData("(?x)a #comment\n b", "ab", true)]
    [InlineData("(?x)a{2, 3}", "aa", true)]
    [InlineData("(?x)a + ", "aaa", true)]
    [InlineData("(?x) [ a - c ] +", "abc", true)]
    [InlineData(@"(?x)a\ b", "a b", true)]
    [InlineData(@"(?x)a\#b", "a#b", true)]
    [InlineData("(?x)a#b", "a", true)]
    public void Matches_CommentsMode_SkipsWhitespaceEvenInClasses(string pattern, string input, bool expected)
    {
        Assert.Equal(expected, new JavaRegex(pattern).Matches(input));
    }

    [Fact]
    public void Matches_StackedCountedRepetition_IsIgnoredAsInJava()
    {
        var regex = new JavaRegex("a{2}{3}b");

        Assert.True(regex.Matches("aab"));
        Assert.False(regex.Matches("aaaaaab"));
    }

    [Fact]
    public void Options_Literal_MatchesPatternTextVerbatim()
    {
        var regex = new JavaRegex("a.b(", JavaRegexOptions.Literal);

        Assert.True(regex.Matches("a.b("));
        Assert.False(regex.Matches("axb("));
    }

    [Fact]
    public void Options_Multiline_AppliesWithoutInlineFlag()
    {
        var regex = new JavaRegex("^b$", JavaRegexOptions.Multiline);

        Assert.Equal(2, regex.Find("a\nb\nc")!.Start);
    }
}
