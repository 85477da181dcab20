using Serverless.Connect.Text;

namespace Serverless.Connect.Core.Tests.Text;

public sealed class JavaRegexGroupTests
{
    [Fact]
    public void MatchEntire_NamedAndUnnamedGroups_AreNumberedLeftToRightAsInJava()
    {
        // .NET alone would number the unnamed group first; Java numbers by opening parenthesis.
        var match = new JavaRegex("(?<a>x)(y)\\k<a>").MatchEntire("xyx");

        Assert.NotNull(match);
        Assert.Equal(2, match.GroupCount);
        Assert.Equal("x", match.Group(1));
        Assert.Equal("y", match.Group(2));
        Assert.Equal("x", match.Group("a"));
    }

    [Fact]
    public void MatchEntire_AlternationBacktracks_ToMatchTheWholeInput()
    {
        var match = new JavaRegex("(a|ab)(c|bcd)(d*)").MatchEntire("abcd");

        Assert.NotNull(match);
        Assert.Equal(new string?[] { "a", "bcd", "" }, new[] { match.Group(1), match.Group(2), match.Group(3) });
    }

    [Fact]
    public void Group_NotParticipating_IsNull()
    {
        var match = new JavaRegex("(a)|(b)").MatchEntire("b")!;

        Assert.Null(match.Group(1));
        Assert.Equal("b", match.Group(2));
    }

    [Fact]
    public void Group_Unknown_Throws()
    {
        var match = new JavaRegex("(a)").MatchEntire("a")!;

        Assert.Throws<ArgumentOutOfRangeException>(() => match.Group(2));
        Assert.Throws<ArgumentException>(() => match.Group("nope"));
    }

    [Theory]
    [InlineData(@"(a)\11", "aa1", true)]
    [InlineData(@"(a)(b)(c)(d)(e)(f)(g)(h)(i)(j)\10", "abcdefghijj", true)]
    [InlineData(@"(a)(b)(c)(d)(e)(f)(g)(h)(i)\10", "abcdefghia0", true)]
    [InlineData(@"(a)\1{2}", "aaa", true)]
    [InlineData(@"\2(a)", "a", false)]
    [InlineData(@"(a)\2", "a", false)]
    [InlineData(@"(a)|b\1", "b", false)]
    [InlineData(@"(a)?\1", "", false)]
    public void Matches_BackReferences_UseJavaDigitRulesAndFailForMissingGroups(string pattern, string input, bool expected)
    {
        Assert.Equal(expected, new JavaRegex(pattern).Matches(input));
    }

    [Fact]
    public void Find_StartIndex_StillSeesTextBeforeIt()
    {
        var regex = new JavaRegex("(?<=a)b");

        Assert.Equal(3, regex.Find("abab", 2)!.Start);
        Assert.Null(new JavaRegex("^b").Find("ab", 1));
    }

    [Fact]
    public void Matches_VersusFind_FullMatchRequiresWholeInput()
    {
        var regex = new JavaRegex("b+");

        Assert.False(regex.Matches("abbc"));
        Assert.Equal("bb", regex.Find("abbc")!.Value);
        Assert.True(regex.Matches("bbb"));
    }
}
