using Serverless.Connect.Text;

namespace Serverless.Connect.Core.Tests.Text;

// Java's CASE_INSENSITIVE folds ASCII only unless UNICODE_CASE is on; case properties become "any cased letter".
public sealed class JavaRegexCaseTests
{
    [Theory]
    [InlineData("(?i)public\\.orders", "PUBLIC.ORDERS", true)]
    [InlineData("(?i)\u00e9", "\u00c9", false)]
    [InlineData("(?iu)\u00e9", "\u00c9", true)]
    [InlineData("(?i)(?u)\u00e9\u00c9", "\u00c9\u00e9", true)]
    [InlineData("(?i)k", "\u212a", false)]
    [InlineData("(?iu)k", "\u212a", true)]
    [InlineData("(?i)[a-z]", "\u212a", false)]
    [InlineData("(?iu)[k]", "\u212a", true)]
    [InlineData("(?i)[A-Z]", "a", true)]
    [InlineData("(?i)[Z-a]", "z", true)]
    [InlineData("(?i)[^a]", "A", false)]
    [InlineData("(?i)[^A-Z]", "a", false)]
    [InlineData("(?i)[^k]", "K", false)]
    [InlineData("(?i)\\x41", "a", true)]
    [InlineData("(?i)\\Qab\\E", "AB", true)]
    [InlineData("(?i)abc|def", "DEF", true)]
    public void Matches_CaseInsensitive_IsAsciiOnlyWithoutUnicodeCase(string pattern, string input, bool expected)
    {
        Assert.Equal(expected, new JavaRegex(pattern).Matches(input));
    }

    [Theory]
    [InlineData(@"(?i)\p{Lu}", "a", true)]
    [InlineData(@"(?i)\p{Ll}", "A", true)]
    [InlineData(@"(?i)\p{Lt}", "a", true)]
    [InlineData(@"(?i)\p{Upper}", "a", true)]
    [InlineData(@"(?i)\p{Lower}", "A", true)]
    [InlineData(@"(?i)[\p{Lower}]", "A", true)]
    [InlineData(@"(?i)[^\p{Lower}]", "A", false)]
    [InlineData(@"(?i)\p{javaLowerCase}", "A", true)]
    [InlineData(@"(?i)\p{javaUpperCase}", "\u01c5", true)]
    [InlineData(@"(?i)\p{IsLowercase}", "A", true)]
    [InlineData(@"(?i)[\p{L}&&\P{Lu}]", "A", false)]
    [InlineData(@"(?i)[\p{Lu}&&[a-z]]", "a", true)]
    public void Matches_CaseInsensitive_WidensCaseProperties(string pattern, string input, bool expected)
    {
        Assert.Equal(expected, new JavaRegex(pattern).Matches(input));
    }

    [Theory]
    [InlineData("(a)(?i)b", "aB", true)]
    [InlineData("((?i)a)b", "AB", false)]
    [InlineData("((?i)a)b", "Ab", true)]
    [InlineData("(?i:a)b", "AB", false)]
    [InlineData("(?i)(?-i:a)", "A", false)]
    [InlineData("(?-i)a", "a", true)]
    [InlineData(@"(?i)(a)\1", "aA", true)]
    [InlineData(@"(?i)(?<n>a)\k<n>", "aA", true)]
    public void Matches_InlineFlags_AreScopedToTheEnclosingGroup(string pattern, string input, bool expected)
    {
        Assert.Equal(expected, new JavaRegex(pattern).Matches(input));
    }

    [Fact]
    public void Matches_CaseInsensitiveOption_AppliesToWholePattern()
    {
        Assert.True(new JavaRegex("Inventory\\.Orders", JavaRegexOptions.CaseInsensitive).Matches("inventory.orders"));
    }
}
