using Serverless.Connect.Configuration.Loading;

namespace Serverless.Connect.Configuration.Tests.Loading;

public sealed class JavaPropertiesTests
{
    [Theory]
    [InlineData("key=value", "key", "value")]
    [InlineData("key = value", "key", "value")]
    [InlineData("key:value", "key", "value")]
    [InlineData("key : value", "key", "value")]
    [InlineData("key value", "key", "value")]
    [InlineData("key\tvalue", "key", "value")]
    [InlineData("   key=value", "key", "value")]
    [InlineData("key=  value with spaces  ", "key", "value with spaces  ")]
    [InlineData("key==value", "key", "=value")]
    [InlineData("key   =:value", "key", ":value")]
    [InlineData("key", "key", "")]
    [InlineData("key=", "key", "")]
    [InlineData("url=http://host:8081", "url", "http://host:8081")]
    public void Separators_FollowJavaRules(string line, string key, string value)
    {
        var properties = JavaProperties.Parse(line);

        Assert.Equal(value, properties[key]);
    }

    [Fact]
    public void Comments_AndBlankLines_AreIgnored()
    {
        var properties = JavaProperties.Parse("# comment\n! also a comment\n   # indented comment\n\n   \na=1\nb=2 # not a comment\n");

        Assert.Equal(2, properties.Count);
        Assert.Equal("1", properties["a"]);
        Assert.Equal("2 # not a comment", properties["b"]);
    }

    [Fact]
    public void LineContinuations_JoinLinesAndDropLeadingWhitespace()
    {
        var properties = JavaProperties.Parse("list=a,\\\n    b,\\\n\tc\nnext=1");

        Assert.Equal("a,b,c", properties["list"]);
        Assert.Equal("1", properties["next"]);
    }

    [Fact]
    public void ContinuationWithCrLf_Works()
    {
        var properties = JavaProperties.Parse("a=one\\\r\n   two\r\nb=3\r\n");

        Assert.Equal("onetwo", properties["a"]);
        Assert.Equal("3", properties["b"]);
    }

    [Fact]
    public void EscapedBackslashAtLineEnd_IsNotAContinuation()
    {
        var properties = JavaProperties.Parse("path=C:\\\\\nnext=1");

        Assert.Equal("C:\\", properties["path"]);
        Assert.Equal("1", properties["next"]);
    }

    [Fact]
    public void CommentLine_EndingInBackslash_DoesNotContinue()
    {
        var properties = JavaProperties.Parse("# comment \\\na=1");

        Assert.Equal("1", properties["a"]);
    }

    [Fact]
    public void TrailingBackslashAtEndOfFile_IsDropped()
    {
        Assert.Equal("value", JavaProperties.Parse("a=value\\")["a"]);
    }

    [Fact]
    public void Escapes_AreDecoded()
    {
        var properties = JavaProperties.Parse(@"a=tab\there\nnew\rcr\fff
b=caf\u00e9 \u20AC
c\ d=spaced key
e\=f=equals key
g\:h:colon key
i=\q\#\!\\");

        Assert.Equal("tab\there\nnew\rcr\fff", properties["a"]);
        Assert.Equal("café €", properties["b"]);
        Assert.Equal("spaced key", properties["c d"]);
        Assert.Equal("equals key", properties["e=f"]);
        Assert.Equal("colon key", properties["g:h"]);
        Assert.Equal("q#!\\", properties["i"]);
    }

    [Fact]
    public void MalformedUnicodeEscape_IsAnErrorNamingTheLine()
    {
        var error = Assert.Throws<ConfigException>(() => JavaProperties.Parse("a=1\nb=\\u12G4"));

        Assert.Equal("Malformed \\uxxxx encoding on line 2.", error.Message);
    }

    [Fact]
    public void DuplicateKeys_LastWinsAtFirstPosition()
    {
        var properties = JavaProperties.Parse("a=1\nb=2\na=3");

        Assert.Equal(["a", "b"], properties.Keys.ToArray());
        Assert.Equal("3", properties["a"]);
    }

    [Theory]
    [InlineData("plain")]
    [InlineData(" leading space, = : # ! and \\ backslash")]
    [InlineData("multi\nline\ttab€")]
    public void Escape_RoundTrips(string text)
    {
        var line = JavaProperties.Escape(text, isKey: true) + "=" + JavaProperties.Escape(text, isKey: false);

        var properties = JavaProperties.Parse(line);

        Assert.Equal(text, properties[text]);
    }
}
