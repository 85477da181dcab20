using Serverless.Connect.Text;

namespace Serverless.Connect.Core.Tests.Text;

// Java Matcher.appendReplacement semantics; expectations from JDK 17.
public sealed class JavaRegexReplacementTests
{
    [Theory]
    [InlineData("(.*)", "foo", "prod-$1", "prod-foo")]
    [InlineData("(.*)", "foo", @"$1\$", "foo$")]
    [InlineData("(a)", "a", @"\$1", "$1")]
    [InlineData("(a)", "a", @"\x", "x")]
    [InlineData("(a)(b)(c)(d)(e)(f)(g)(h)(i)(j)(k)(l)", "abcdefghijkl", "$12", "l")]
    [InlineData("(a)(b)", "ab", "$12", "a2")]
    [InlineData("(a)(b)", "ab", "$21$0", "b1ab")]
    [InlineData("(a)|(b)", "b", "[$1]", "[]")]
    [InlineData("(?<n>a)", "a", "<${n}>", "<a>")]
    [InlineData("(?<first>\\w+)\\.(?<second>\\w+)", "db.table", "${second}.${first}", "table.db")]
    [InlineData("topic-(\\d{4})-(?<rest>\\w+)", "topic-2024-abc", "${rest}_$1", "abc_2024")]
    [InlineData("a|ab", "ab", "X", "Xb")]
    [InlineData("(a)", "b", "$2", "b")]
    public void ReplaceFirst_JavaReplacementSyntax(string pattern, string input, string replacement, string expected)
    {
        Assert.Equal(expected, new JavaRegex(pattern).ReplaceFirst(input, replacement));
    }

    [Theory]
    [InlineData("x*", "abc", "-", "-a-b-c-")]
    [InlineData("b*", "abc", "-", "-a--c-")]
    [InlineData("(?m)^", "a\nb\n", ">", ">a\n>b\n")]
    [InlineData("a|", "baaa", "X", "XbXXXX")]
    [InlineData("(.*)", "foo", "prod-$1", "prod-fooprod-")]
    [InlineData("a", "aaa", "$0$0", "aaaaaa")]
    [InlineData("(a)", "aaa", @"\\", @"\\\")]
    [InlineData(@"\s+", "a  b \t c", "_", "a_b_c")]
    [InlineData(@"[\s&&[^\n]]", "a \n\tb", "_", "a_\n_b")]
    public void ReplaceAll_AdvancesLikeJavaFind(string pattern, string input, string replacement, string expected)
    {
        Assert.Equal(expected, new JavaRegex(pattern).ReplaceAll(input, replacement));
    }

    [Theory]
    [InlineData("$2", "No group 2")]
    [InlineData("$", "Illegal group reference: group index is missing")]
    [InlineData(@"\", "character to be escaped is missing")]
    [InlineData("${", "named capturing group has 0 length name")]
    [InlineData("${}", "named capturing group has 0 length name")]
    [InlineData("${x", "named capturing group is missing trailing '}'")]
    [InlineData("${1}", "capturing group name {1} starts with digit character")]
    [InlineData("${nope}", "No group with name {nope}")]
    [InlineData("$x", "Illegal group reference")]
    public void ReplaceFirst_BadReplacement_ThrowsWithJavaMessage(string replacement, string message)
    {
        var error = Assert.Throws<ArgumentException>(() => new JavaRegex("(a)").ReplaceFirst("a", replacement));

        Assert.StartsWith(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReplaceFirst_BadReplacementWithoutMatch_DoesNotThrowAsInJava()
    {
        Assert.Equal("b", new JavaRegex("(a)").ReplaceFirst("b", "$9"));
    }

    [Fact]
    public void ValidateReplacement_ChecksEagerly()
    {
        var regex = new JavaRegex("(?<name>a)");

        regex.ValidateReplacement("${name}-$1");
        Assert.Throws<ArgumentException>(() => regex.ValidateReplacement("$2"));
    }

    [Fact]
    public void QuoteReplacement_RoundTripsDollarsAndBackslashes()
    {
        var literal = @"c:\price$1";

        Assert.Equal(@"c:\\price\$1", JavaRegex.QuoteReplacement(literal));
        Assert.Equal(literal, new JavaRegex("x").ReplaceFirst("x", JavaRegex.QuoteReplacement(literal)));
    }

    [Fact]
    public void Quote_MatchesLiteralTextEvenContainingBackslashE()
    {
        var literal = @"a.b\Ec*";

        Assert.True(new JavaRegex(JavaRegex.Quote(literal)).Matches(literal));
        Assert.False(new JavaRegex(JavaRegex.Quote("a.b")).Matches("axb"));
    }
}
