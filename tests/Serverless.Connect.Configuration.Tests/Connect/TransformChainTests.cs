using Serverless.Connect.Configuration.Connect;

namespace Serverless.Connect.Configuration.Tests.Connect;

public sealed class TransformChainTests
{
    [Fact]
    public void Parse_ReadsAliasesInOrderWithPredicates()
    {
        var config = new Dictionary<string, string>
        {
            ["transforms"] = " unwrap , route,filter",
            ["transforms.unwrap.type"] = "io.debezium.transforms.ExtractNewRecordState",
            ["transforms.unwrap.drop.tombstones"] = "true",
            ["transforms.route.type"] = "org.apache.kafka.connect.transforms.RegexRouter",
            ["transforms.route.regex"] = "(.*)",
            ["transforms.route.replacement"] = "prod-$1",
            ["transforms.filter.type"] = "org.apache.kafka.connect.transforms.Filter",
            ["transforms.filter.predicate"] = "isTombstone",
            ["transforms.filter.negate"] = "TRUE",
            ["predicates"] = "isTombstone",
            ["predicates.isTombstone.type"] = "org.apache.kafka.connect.transforms.predicates.RecordIsTombstone",
        };

        var chain = TransformChain.Parse(config);

        Assert.Equal(["unwrap", "route", "filter"], chain.Transforms.Select(t => t.Alias).ToArray());
        Assert.Equal("true", chain.Transforms[0].Config["drop.tombstones"]);
        Assert.Equal("io.debezium.transforms.ExtractNewRecordState", chain.Transforms[0].Config["type"]);
        Assert.Null(chain.Transforms[1].PredicateAlias);
        Assert.Equal("isTombstone", chain.Transforms[2].PredicateAlias);
        Assert.True(chain.Transforms[2].Negate);
        Assert.False(chain.Transforms[2].Config.ContainsKey("predicate"));
        Assert.False(chain.Transforms[2].Config.ContainsKey("negate"));
        var predicate = Assert.Single(chain.Predicates);
        Assert.Equal("org.apache.kafka.connect.transforms.predicates.RecordIsTombstone", predicate.Type);
    }

    [Fact]
    public void Parse_WithoutTransforms_IsEmpty()
    {
        var chain = TransformChain.Parse(new Dictionary<string, string> { ["transforms"] = "" });

        Assert.Empty(chain.Transforms);
        Assert.Empty(chain.Predicates);
    }

    [Fact]
    public void Parse_MissingTypeOrPredicate_Throws()
    {
        var missingType = Assert.Throws<ConfigException>(() => TransformChain.Parse(new Dictionary<string, string> { ["transforms"] = "a" }));
        Assert.Equal("Missing required configuration \"transforms.a.type\" which has no default value.", missingType.Message);

        var missingPredicate = Assert.Throws<ConfigException>(() => TransformChain.Parse(new Dictionary<string, string>
        {
            ["transforms"] = "a",
            ["transforms.a.type"] = "X",
            ["transforms.a.predicate"] = "p",
        }));
        Assert.Equal("transforms.a.predicate", missingPredicate.Key);
    }

    [Fact]
    public void ConfigPrefix_Helpers()
    {
        var config = new Dictionary<string, string> { ["key.converter"] = "J", ["key.converter.schemas.enable"] = "false", ["errors.tolerance"] = "all", ["errors.log.enable"] = "true" };

        Assert.Equal(["schemas.enable"], ConfigPrefix.ForConverter(config, "key.converter").Keys.ToArray());
        Assert.Equal(["errors.tolerance", "errors.log.enable"], ConfigPrefix.WithPrefix(config, "errors.", strip: false).Keys.ToArray());
        Assert.Equal(["key.converter", "key.converter.schemas.enable"], ConfigPrefix.WithoutPrefix(config, "errors.").Keys.ToArray());
    }
}
