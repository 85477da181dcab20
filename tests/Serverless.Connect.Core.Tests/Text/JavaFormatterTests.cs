using Serverless.Connect.Text;

namespace Serverless.Connect.Core.Tests.Text;

// Expected strings and errors from String.format(Locale.ROOT, ...) on JDK 17.
public sealed class JavaFormatterTests
{
    [Theory]
    [InlineData("%s-%s", "a-b")]
    [InlineData("%2$s-%1$s", "b-a")]
    [InlineData("%s %<s %s", "a a b")]
    [InlineData("%1$s %s %s", "a a b")]
    [InlineData("%S", "A")]
    [InlineData("%.1s|%3s|%<-3s|", "a|  b|b  |")]
    public void Format_StringsAndIndexes(string format, string expected)
    {
        Assert.Equal(expected, JavaFormatter.Format(format, "a", "b"));
    }

    [Theory]
    [InlineData("%05d", 42, "00042")]
    [InlineData("%05d", -42, "-0042")]
    [InlineData("%+d", 42, "+42")]
    [InlineData("% d", 42, " 42")]
    [InlineData("%,d", 1234567, "1,234,567")]
    [InlineData("%-8d|", -42, "-42     |")]
    [InlineData("%x", 255, "ff")]
    [InlineData("%X", -1, "FFFFFFFF")]
    [InlineData("%04x", 10, "000a")]
    public void Format_Integers(string format, int value, string expected)
    {
        Assert.Equal(expected, JavaFormatter.Format(format, value));
    }

    [Fact]
    public void Format_LongHexUsesSixtyFourBits()
    {
        Assert.Equal("FFFFFFFFFFFFFFFF", JavaFormatter.Format("%X", -1L));
    }

    [Fact]
    public void Format_NullsBooleansAndLineSeparator()
    {
        Assert.Equal("null null false true true", JavaFormatter.Format("%s %d %b %b %s", null, null, null, "x", true));
        Assert.Equal("%n" + Environment.NewLine, JavaFormatter.Format("%%n%n"));
    }

    [Theory]
    [InlineData(1.0, "1.0")]
    [InlineData(1.5, "1.5")]
    [InlineData(10000000.0, "1.0E7")]
    [InlineData(1234567.0, "1234567.0")]
    [InlineData(0.001, "0.001")]
    [InlineData(0.0001, "1.0E-4")]
    [InlineData(-2.5e-10, "-2.5E-10")]
    [InlineData(0.1, "0.1")]
    public void Format_Doubles_LikeJavaDoubleToString(double value, string expected)
    {
        Assert.Equal(expected, JavaFormatter.Format("%s", value));
        Assert.Equal(expected, JavaNumberText.ToJavaString(value));
    }

    [Theory]
    [InlineData("%d", "IllegalFormatConversionException: d != System.String")]
    [InlineData("%q", "UnknownFormatConversionException: Conversion = 'q'")]
    [InlineData("%s %s", "MissingFormatArgumentException: Format specifier '%s'")]
    [InlineData("%-s", "MissingFormatWidthException: %-s")]
    [InlineData("%05s", "FormatFlagsConversionMismatchException: Conversion = s, Flags = 0")]
    [InlineData("100%", "UnknownFormatConversionException: Conversion = '%'")]
    [InlineData("%0-5d", "IllegalFormatFlagsException: Flags = '-0'")]
    [InlineData("%3$s", "MissingFormatArgumentException: Format specifier '%3$s'")]
    [InlineData("%08.3d", "IllegalFormatPrecisionException: 3")]
    public void Format_Invalid_ThrowsWithJavaExceptionText(string format, string message)
    {
        var error = Assert.Throws<FormatException>(() => JavaFormatter.Format(format, "abc"));

        Assert.Equal(message, error.Message);
    }
}
