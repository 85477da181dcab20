using Serverless.Connect.Text;

namespace Serverless.Connect.Core.Tests.Text;

public sealed class JavaTemplateTests
{
    [Fact]
    public void TimestampRouterTopic_DefaultFormat()
    {
        var timestamp = new JavaSimpleDateFormat("yyyyMMdd").Format(1483425001864); // TimestampRouterTest's record timestamp

        Assert.Equal("test-20170103", JavaTemplate.TimestampRouterTopic(JavaTemplate.TimestampRouterDefaultFormat, "test", timestamp));
    }

    [Fact]
    public void TimestampRouterTopic_ReplacesEveryOccurrenceLiterally()
    {
        Assert.Equal("a$1\\b_a$1\\b_x", JavaTemplate.TimestampRouterTopic("${topic}_${topic}_${timestamp}", "a$1\\b", "x"));
    }

    [Fact]
    public void TimestampRouterTopic_TopicContainingTimestampPlaceholder_IsExpandedAsInKafka()
    {
        // Kafka substitutes ${topic} first, so a topic that itself contains "${timestamp}" gets it replaced too.
        Assert.Equal("t-20240101-20240101", JavaTemplate.TimestampRouterTopic("${topic}-${timestamp}", "t-${timestamp}", "20240101"));
    }

    [Fact]
    public void Substitute_UnknownPlaceholders_AreLeftAlone()
    {
        Assert.Equal("x-${other}-${topic", JavaTemplate.Substitute("${a}-${other}-${topic", ("a", "x")));
    }
}
