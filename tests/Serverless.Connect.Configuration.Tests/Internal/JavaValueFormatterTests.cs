using Serverless.Connect.Configuration.Internal;
using Serverless.Connect.Configuration.Validation;

namespace Serverless.Connect.Configuration.Tests.Internal;

public sealed class JavaValueFormatterTests
{
    [Theory]
    [InlineData(1.0, "1.0")]
    [InlineData(1.5, "1.5")]
    [InlineData(0.001, "0.001")]
    [InlineData(0.0001, "1.0E-4")]
    [InlineData(1234567.0, "1234567.0")]
    [InlineData(12345678.0, "1.2345678E7")]
    [InlineData(1e21, "1.0E21")]
    [InlineData(-2.5e-7, "-2.5E-7")]
    [InlineData(0.0, "0.0")]
    [InlineData(100.0, "100.0")]
    public void FormatDouble_MatchesJavaDoubleToString(double value, string expected)
    {
        Assert.Equal(expected, JavaValueFormatter.FormatDouble(value));
    }

    [Fact]
    public void Format_RendersJavaStyle()
    {
        Assert.Equal("null", JavaValueFormatter.Format(null));
        Assert.Equal("[a, b]", JavaValueFormatter.Format(new[] { "a", "b" }));
        Assert.Equal("[hidden]", JavaValueFormatter.Format(new Password("x")));
        Assert.Equal("true", JavaValueFormatter.Format(true));
        Assert.Equal("42", JavaValueFormatter.Format(42));
    }
}
