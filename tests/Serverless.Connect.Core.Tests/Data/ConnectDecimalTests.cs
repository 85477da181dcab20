using System.Numerics;
using Serverless.Connect.Data;

namespace Serverless.Connect.Core.Tests.Data;

public sealed class ConnectDecimalTests
{
    [Theory]
    [InlineData("1.50", 150, 2)]
    [InlineData("-0.001", -1, 3)]
    [InlineData("123", 123, 0)]
    [InlineData("+7", 7, 0)]
    [InlineData("1E+3", 1, -3)]
    [InlineData("1.5e-7", 15, 8)]
    [InlineData(".5", 5, 1)]
    public void Parse_FollowsBigDecimalGrammar(string text, long unscaled, int scale) =>
        Assert.Equal(new ConnectDecimal(unscaled, scale), ConnectDecimal.Parse(text));

    [Theory]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("1.2.3")]
    [InlineData("1e")]
    [InlineData(" 1")]
    public void Parse_RejectsInvalidText(string text) => Assert.False(ConnectDecimal.TryParse(text, out _));

    // Expected strings are what java.math.BigDecimal.toString() prints for new BigDecimal(unscaled, scale).
    [Theory]
    [InlineData(156, 2, "1.56")]
    [InlineData(-156, 2, "-1.56")]
    [InlineData(150, 2, "1.50")]
    [InlineData(0, 2, "0.00")]
    [InlineData(1, 6, "0.000001")]
    [InlineData(1, 7, "1E-7")]
    [InlineData(123, 10, "1.23E-8")]
    [InlineData(123, -2, "1.23E+4")]
    [InlineData(1, -3, "1E+3")]
    [InlineData(0, -2, "0E+2")]
    [InlineData(123456789, 0, "123456789")]
    [InlineData(-5, 1, "-0.5")]
    public void ToString_MatchesBigDecimalToString(long unscaled, int scale, string expected) =>
        Assert.Equal(expected, new ConnectDecimal(unscaled, scale).ToString());

    [Theory]
    [InlineData(1, 7, "0.0000001")]
    [InlineData(123, -2, "12300")]
    [InlineData(-156, 2, "-1.56")]
    public void ToPlainString_NeverUsesExponent(long unscaled, int scale, string expected) =>
        Assert.Equal(expected, new ConnectDecimal(unscaled, scale).ToPlainString());

    [Fact]
    public void DecimalConversions_PreserveScale()
    {
        ConnectDecimal value = 1.50m;
        Assert.Equal(new ConnectDecimal(150, 2), value);
        Assert.Equal(1.50m, (decimal)value);
        Assert.Equal(-79228162514264337593543950335m, (decimal)ConnectDecimal.FromDecimal(decimal.MinValue));
        Assert.Equal(12300m, new ConnectDecimal(123, -2).ToDecimal());
    }

    [Fact]
    public void ToDecimal_TooLarge_Throws() =>
        Assert.Throws<OverflowException>(() => new ConnectDecimal(BigInteger.Pow(10, 40), 0).ToDecimal());

    [Fact]
    public void Equality_IsScaleSensitive_LikeBigDecimalEquals() =>
        Assert.NotEqual(ConnectDecimal.Parse("1.5"), ConnectDecimal.Parse("1.50"));

    [Fact]
    public void Rescale_IsExact()
    {
        Assert.Equal(new ConnectDecimal(1500, 3), new ConnectDecimal(15, 1).Rescale(3));
        Assert.Equal(new ConnectDecimal(15, 1), new ConnectDecimal(1500, 3).Rescale(1));
        Assert.Throws<ArithmeticException>(() => new ConnectDecimal(1501, 3).Rescale(1));
    }

    [Fact]
    public void ToDouble_IsNearest() => Assert.Equal(0.1, ConnectDecimal.Parse("0.1").ToDouble());
}
