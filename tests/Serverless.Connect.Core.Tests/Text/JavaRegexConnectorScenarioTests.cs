using Serverless.Connect.Text;

namespace Serverless.Connect.Core.Tests.Text;

// How Kafka Connect and Debezium use Java regexes: RegexRouter, TopicNameMatches, EventRouter, include lists.
public sealed class JavaRegexConnectorScenarioTests
{
    // RegexRouter: only when matcher.matches() succeeds, then matcher.replaceFirst(replacement).
    private static string Route(string regex, string replacement, string topic)
    {
        var pattern = JavaRegex.Get(regex);
        return pattern.Matches(topic) ? pattern.ReplaceFirst(topic, replacement) : topic;
    }

    [Theory]
    [InlineData("(.*)", "prod-$1", "foo", "prod-foo")]
    [InlineData("(.*)-(\\d\\d)", "$1", "orders-01", "orders")]
    [InlineData("(.*)", "$1", "foo", "foo")]
    [InlineData("(?<name>[a-z]+)\\.(.*)", "${name}_$2", "db.orders", "db_orders")]
    [InlineData("(.*)", "prod-$1", "", "prod-")]
    [InlineData("staging-.*", "x", "prod-orders", "prod-orders")]
    [InlineData("a|ab", "X", "ab", "Xb")]
    [InlineData("dbserver1\\.inventory\\.(.*)", "inventory_$1", "dbserver1.inventory.customers", "inventory_customers")]
    public void RegexRouter_FullMatchThenReplaceFirst(string regex, string replacement, string topic, string expected)
    {
        Assert.Equal(expected, Route(regex, replacement, topic));
    }

    [Fact]
    public void EventRouter_DefaultRouting_UsesNamedGroupReplacement()
    {
        Assert.Equal("outbox.event.Order", Route("(?<routedByValue>.*)", "outbox.event.${routedByValue}", "Order"));
    }

    [Theory]
    [InlineData("prod-.*", "prod-orders", true)]
    [InlineData("prod-.*", "xprod-orders", false)]
    [InlineData("orders", "orders-dlq", false)]
    public void TopicNameMatches_RequiresWholeTopic(string pattern, string topic, bool expected)
    {
        Assert.Equal(expected, JavaRegex.Get(pattern).Matches(topic));
    }

    [Theory]
    [InlineData("public.orders,public.customers", "public.orders", true)]
    [InlineData("public.orders,public.customers", "PUBLIC.Customers", true)]
    [InlineData("public.orders", "public.orders_archive", false)]
    [InlineData("inventory\\..*", "inventory.products", true)]
    [InlineData(" public.a , public.b ", "public.b", true)]
    [InlineData("public.t\\d{1\\,3}", "public.t12", true)]
    [InlineData("", "public.orders", false)]
    public void IncludeList_CaseInsensitiveFullMatchOfAnyEntry(string list, string identifier, bool expected)
    {
        Assert.Equal(expected, JavaRegexList.Parse(list).MatchesAny(identifier));
    }

    [Fact]
    public void IncludeList_UnescapedCommaInsideRepetition_SplitsAsDebeziumDoes()
    {
        Assert.Equal(["public.t\\d{1", "3}"], JavaRegexList.Split("public.t\\d{1,3}"));
        Assert.Throws<JavaPatternSyntaxException>(() => JavaRegexList.Parse("public.t\\d{1,3}"));
    }

    [Fact]
    public void Get_SamePatternAndOptions_ReturnsCachedInstance()
    {
        Assert.Same(JavaRegex.Get("(.*)-cached"), JavaRegex.Get("(.*)-cached"));
        Assert.NotSame(JavaRegex.Get("(.*)-cached"), JavaRegex.Get("(.*)-cached", JavaRegexOptions.CaseInsensitive));
    }
}
