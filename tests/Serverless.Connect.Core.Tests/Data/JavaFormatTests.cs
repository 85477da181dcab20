using Serverless.Connect.Data.Internal;

namespace Serverless.Connect.Core.Tests.Data;

// Expected strings are Java's Double.toString / Float.toString output (JDK 19+), which Jackson writes for FLOAT64/FLOAT32.
public sealed class JavaFormatTests
{
    [Theory]
    [InlineData(1.0, "1.0")]
    [InlineData(-1.0, "-1.0")]
    [InlineData(0.0, "0.0")]
    [InlineData(-0.0, "-0.0")]
    [InlineData(12.34, "12.34")]
    [InlineData(100.0, "100.0")]
    [InlineData(0.1, "0.1")]
    [InlineData(0.001, "0.001")]
    [InlineData(0.0001, "1.0E-4")]
    [InlineData(1.5e-5, "1.5E-5")]
    [InlineData(1234567.0, "1234567.0")]
    [InlineData(9999999.0, "9999999.0")]
    [InlineData(1e7, "1.0E7")]
    [InlineData(12345678.9, "1.23456789E7")]
    [InlineData(1e10, "1.0E10")]
    [InlineData(1e21, "1.0E21")]
    [InlineData(1e23, "1.0E23")]
    [InlineData(123456789012.0, "1.23456789012E11")]
    [InlineData(0.30000000000000004, "0.30000000000000004")]
    [InlineData(double.MaxValue, "1.7976931348623157E308")]
    [InlineData(double.Epsilon, "4.9E-324")]
    [InlineData(2.2250738585072014E-308, "2.2250738585072014E-308")]
    [InlineData(double.NaN, "NaN")]
    [InlineData(double.PositiveInfinity, "Infinity")]
    [InlineData(double.NegativeInfinity, "-Infinity")]
    public void Double_MatchesJava(double value, string expected) => Assert.Equal(expected, JavaFormat.FormatDouble(value));

    [Theory]
    [InlineData(1.0f, "1.0")]
    [InlineData(12.34f, "12.34")]
    [InlineData(0.1f, "0.1")]
    [InlineData(1e10f, "1.0E10")]
    [InlineData(1.23456789E8f, "1.2345679E8")]
    [InlineData(3.4028235E38f, "3.4028235E38")]
    [InlineData(1.4E-45f, "1.4E-45")]
    [InlineData(-0.0f, "-0.0")]
    [InlineData(0.001f, "0.001")]
    [InlineData(1.0E-4f, "1.0E-4")]
    public void Float_MatchesJava(float value, string expected) => Assert.Equal(expected, JavaFormat.FormatFloat(value));
}
