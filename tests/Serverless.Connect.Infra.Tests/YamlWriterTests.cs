using Serverless.Connect.Deployment.Yaml;
using YamlDotNet.RepresentationModel;

namespace Serverless.Connect.Infra.Tests;

/// <summary>Every string the writer emits reads back as that same string, including ones YAML 1.1 would retype.</summary>
public sealed class YamlWriterTests
{
    [Theory]
    [InlineData("true")]
    [InlineData("yes")]
    [InlineData("off")]
    [InlineData("null")]
    [InlineData("~")]
    [InlineData("")]
    [InlineData("5432")]
    [InlineData("0755")]
    [InlineData("1e3")]
    [InlineData("1_000")]
    [InlineData("12:30")]
    [InlineData(".inf")]
    [InlineData("2024-01-01")]
    [InlineData("${secrets:postgres:password}")]
    [InlineData("a: b")]
    [InlineData("a #b")]
    [InlineData("#x")]
    [InlineData("--config")]
    [InlineData("- x")]
    [InlineData("'quoted'")]
    [InlineData("\"dq\"")]
    [InlineData("back\\slash")]
    [InlineData("trailing ")]
    [InlineData("tab\tin")]
    [InlineData("line1\nline2")]
    [InlineData("line1\nline2\n")]
    [InlineData("line1\n\n")]
    [InlineData("  indented first\nsecond\n")]
    [InlineData("with trailing space \nnext\n")]
    [InlineData("'year'=YYYY/'month'=MM")]
    [InlineData("my-cluster-kafka-bootstrap:9092")]
    [InlineData("http://elasticsearch:9200")]
    public void A_string_round_trips(string text)
    {
        var yaml = YamlWriter.Write(new YamlMap { { "key", text }, { "list", new YamlList(text) } });
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        var root = (YamlMappingNode)stream.Documents[0].RootNode;
        var value = (YamlScalarNode)root.Children[new YamlScalarNode("key")];
        Assert.Equal(text, value.Value);
        if (NeedsQuoting(text))
        {
            Assert.NotEqual(YamlDotNet.Core.ScalarStyle.Plain, value.Style);
        }

        var item = (YamlScalarNode)((YamlSequenceNode)root.Children[new YamlScalarNode("list")]).Children[0];
        Assert.Equal(text, item.Value);
    }

    [Fact]
    public void Numbers_and_booleans_are_plain_and_empty_collections_explicit()
    {
        var yaml = YamlWriter.Write(new YamlMap { { "count", 3 }, { "on", true }, { "flag", false }, { "map", new YamlMap() }, { "list", new YamlList() } });
        // "on" is a YAML 1.1 boolean even as a key, so it is quoted.
        Assert.Equal("count: 3\n\"on\": true\nflag: false\nmap: {}\nlist: []\n", yaml);
    }

    // Strings a YAML 1.1 resolver would turn into a bool, null or number must not be written plain.
    private static bool NeedsQuoting(string text) => text is "true" or "yes" or "off" or "null" or "~" or "" or "5432" or "0755" or "1e3" or "1_000" or "12:30" or ".inf" or "2024-01-01";
}
