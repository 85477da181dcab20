using System.Text.RegularExpressions;
using Serverless.Connect.Text;

namespace Serverless.Connect.Core.Tests.Text;

public sealed class JavaRegexErrorTests
{
    [Theory]
    [InlineData("{", "Illegal repetition")]
    [InlineData("a{", "Illegal repetition")]
    [InlineData("x{,3}", "Illegal repetition")]
    [InlineData("a{3,2}", "Illegal repetition range")]
    [InlineData("a**", "Dangling meta character '*'")]
    [InlineData("a|*", "Dangling meta character '*'")]
    [InlineData("a(?i)*", "Dangling meta character '*'")]
    [InlineData("(?<my_name>a)", "named capturing group is missing trailing '>'")]
    [InlineData("(?<1a>x)", "capturing group name does not start with a Latin letter")]
    [InlineData("(?<a1>x)(?<a1>y)", "Named capturing group <a1> is already defined")]
    [InlineData(@"\k<zz>", "named capturing group <zz> does not exist")]
    [InlineData(@"\0", "Illegal octal escape sequence")]
    [InlineData(@"\08", "Illegal octal escape sequence")]
    [InlineData(@"\y", "Illegal/unsupported escape sequence")]
    [InlineData(@"\E", "Illegal/unsupported escape sequence")]
    [InlineData(@"\p{Latin}", "Unknown character property name {Latin}")]
    [InlineData(@"\p{isalphabetic}", "Unknown character property name {isalphabetic}")]
    [InlineData(@"\p{lower}", "Unknown character property name {lower}")]
    [InlineData(@"\p{}", "Empty character family")]
    [InlineData("(?q)", "Unknown inline modifier")]
    [InlineData(@"[a-\d]", "Illegal character range")]
    [InlineData("[z-a]", "Illegal character range")]
    [InlineData("[a", "Unclosed character class")]
    [InlineData("(a", "Unclosed group")]
    [InlineData("a)", "Unmatched closing ')'")]
    public void Constructor_InvalidJavaPattern_ThrowsPatternSyntaxException(string pattern, string description)
    {
        var error = Assert.Throws<JavaPatternSyntaxException>(() => new JavaRegex(pattern));

        Assert.Equal(description, error.Description);
        Assert.Equal(pattern, error.Pattern);
        Assert.Contains(pattern, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(@"\X")]
    [InlineData(@"\b{g}")]
    [InlineData(@"\N{LATIN SMALL LETTER A}")]
    [InlineData(@"[\x{1F600}]")]
    [InlineData("(?c)a")]
    public void Constructor_UntranslatableConstruct_ThrowsNotSupportedNamingThePattern(string pattern)
    {
        var error = Assert.Throws<NotSupportedException>(() => new JavaRegex(pattern));

        Assert.Contains(pattern, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Matches_CatastrophicBacktracking_TimesOut()
    {
        var regex = new JavaRegex("(a+)+b", matchTimeout: TimeSpan.FromMilliseconds(50));

        Assert.Throws<RegexMatchTimeoutException>(() => regex.Matches(new string('a', 40)));
    }
}
