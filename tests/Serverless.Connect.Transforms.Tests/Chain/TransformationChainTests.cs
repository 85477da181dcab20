using Serverless.Connect.Configuration;
using Serverless.Connect.Data;
using Serverless.Connect.Errors;
using Serverless.Connect.Transforms.Chain;
using Serverless.Connect.Transforms.Kafka;
using Serverless.Connect.Transforms.Predicates;

namespace Serverless.Connect.Transforms.Tests.Chain;

public sealed class TransformationChainTests
{
    private static readonly ConnectRecord s_record = new("orders", 0, Schema.StringSchema, "k", Schema.StringSchema, "v", 1000);
    private static readonly ConnectRecord s_tombstone = s_record with { ValueSchema = null, Value = null };

    [Fact]
    public void Seed_FilterWithNegatedRecordIsTombstone_KeepsOnlyTombstones()
    {
        // design-seed.md, "Filter messages": Filter applies when the record is NOT a tombstone.
        using var chain = TransformationChain.Create(new Dictionary<string, string>
        {
            ["transforms"] = "filter",
            ["transforms.filter.type"] = "org.apache.kafka.connect.transforms.Filter",
            ["transforms.filter.predicate"] = "isOrder",
            ["transforms.filter.negate"] = "true",
            ["predicates"] = "isOrder",
            ["predicates.isOrder.type"] = "org.apache.kafka.connect.transforms.predicates.RecordIsTombstone",
        });
        Assert.Null(chain.Apply(s_record));
        Assert.Same(s_tombstone, chain.Apply(s_tombstone));
        var stage = Assert.Single(chain.Stages);
        Assert.Equal(("filter", Filter.ClassName, "isOrder", RecordIsTombstone.ClassName, true),
            (stage.Alias, stage.ClassName, stage.PredicateAlias, stage.PredicateClassName, stage.Negate));
    }

    [Fact]
    public void Apply_PredicateWithoutNegate_DropsTombstones()
    {
        using var chain = TransformationChain.Create(new Dictionary<string, string>
        {
            ["transforms"] = "dropTombstones",
            ["transforms.dropTombstones.type"] = "Filter",
            ["transforms.dropTombstones.predicate"] = "tombstone",
            ["predicates"] = "tombstone",
            ["predicates.tombstone.type"] = "RecordIsTombstone",
        });
        Assert.Null(chain.Apply(s_tombstone));
        Assert.Same(s_record, chain.Apply(s_record));
    }

    [Theory]
    [InlineData(false, true, true)]
    [InlineData(false, false, false)]
    [InlineData(true, true, false)]
    [InlineData(true, false, true)]
    public void Apply_AppliesIffNegateXorPredicate(bool negate, bool predicateHolds, bool expectApplied)
    {
        var plugins = new TestPlugins();
        using var chain = TransformationChain.Create(new Dictionary<string, string>
        {
            ["transforms"] = "t",
            ["transforms.t.type"] = TestPlugins.Recording,
            ["transforms.t.tag"] = "applied",
            ["transforms.t.predicate"] = "p",
            ["transforms.t.negate"] = negate ? "true" : "false",
            ["predicates"] = "p",
            ["predicates.p.type"] = TestPlugins.FlagPredicate,
        }, plugins.Registry());
        var input = predicateHolds ? s_record with { Headers = ConnectHeaders.Empty.AddString("flag", "") } : s_record;
        var result = chain.Apply(input)!;
        Assert.Equal(expectApplied, result.Headers.ContainsKey("applied"));
        Assert.Equal(expectApplied ? 1 : 0, plugins.Seen.Count);
        if (!expectApplied)
        {
            Assert.Same(input, result);
        }
    }

    [Fact]
    public void Apply_RunsStagesInOrder_EachPredicateSeesTheRecordAsItIsThen()
    {
        using var chain = TransformationChain.Create(new Dictionary<string, string>
        {
            ["transforms"] = "route,tag",
            ["transforms.route.type"] = "org.apache.kafka.connect.transforms.RegexRouter",
            ["transforms.route.regex"] = "(.*)",
            ["transforms.route.replacement"] = "prod-$1",
            ["transforms.tag.type"] = "InsertHeader",
            ["transforms.tag.header"] = "env",
            ["transforms.tag.value.literal"] = "prod",
            ["transforms.tag.predicate"] = "isProd",
            ["predicates"] = "isProd",
            ["predicates.isProd.type"] = "TopicNameMatches",
            ["predicates.isProd.pattern"] = "prod-.*",
        });
        var result = chain.Apply(s_record)!;
        Assert.Equal("prod-orders", result.Topic);
        Assert.Equal(new ConnectHeader("env", Schema.StringSchema, "prod"), result.Headers.Single());
    }

    [Fact]
    public void Apply_DroppedRecord_StopsTheChain()
    {
        var plugins = new TestPlugins();
        using var chain = TransformationChain.Create(new Dictionary<string, string>
        {
            ["transforms"] = "before,drop,after",
            ["transforms.before.type"] = TestPlugins.Recording,
            ["transforms.before.tag"] = "before",
            ["transforms.drop.type"] = "Filter",
            ["transforms.after.type"] = TestPlugins.Recording,
            ["transforms.after.tag"] = "after",
        }, plugins.Registry());
        Assert.Null(chain.Apply(s_record));
        Assert.Equal(["before:orders"], plugins.Seen);
    }

    [Fact]
    public void Apply_DoesNotMutateTheInput()
    {
        var plugins = new TestPlugins();
        using var chain = TransformationChain.Create(new Dictionary<string, string>
        {
            ["transforms"] = "a,b",
            ["transforms.a.type"] = TestPlugins.Recording,
            ["transforms.a.tag"] = "a",
            ["transforms.b.type"] = "DropHeaders",
            ["transforms.b.headers"] = "a",
        }, plugins.Registry());
        var input = s_record with { Headers = ConnectHeaders.Empty.AddString("x", "1") };
        var snapshot = input with { };
        var result = chain.Apply(input)!;
        Assert.Equal(snapshot, input);
        Assert.Equal(input.Headers, result.Headers);
    }

    [Fact]
    public void Apply_EmptyChain_ReturnsTheRecord()
    {
        using var chain = TransformationChain.Create(new Dictionary<string, string>());
        Assert.Same(TransformationChain.Empty, chain);
        Assert.Same(s_record, chain.Apply(s_record));
    }

    [Fact]
    public void Apply_FailingTransform_ReportsStageAliasAndClass()
    {
        var plugins = new TestPlugins();
        using var chain = TransformationChain.Create(new Dictionary<string, string>
        {
            ["transforms"] = "ok,broken",
            ["transforms.ok.type"] = TestPlugins.Recording,
            ["transforms.broken.type"] = TestPlugins.Failing,
        }, plugins.Registry());
        var e = Assert.Throws<TransformationException>(() => chain.Apply(s_record));
        Assert.Equal((1, "broken", TestPlugins.Failing), (e.StageIndex, e.Alias, e.ClassName));
        Assert.IsType<InvalidOperationException>(e.InnerException);
        Assert.Equal("Transformation 'broken' (test.Failing) at position 1 failed: boom", e.Message);
        Assert.False(e.IsTransient);
    }

    [Fact]
    public void Apply_FailingPredicate_IsReportedAgainstItsTransformation()
    {
        var plugins = new TestPlugins { Failure = () => new RetriableException("try again") };
        using var chain = TransformationChain.Create(new Dictionary<string, string>
        {
            ["transforms"] = "guarded",
            ["transforms.guarded.type"] = "Filter",
            ["transforms.guarded.predicate"] = "p",
            ["predicates"] = "p",
            ["predicates.p.type"] = TestPlugins.FailingPredicate,
        }, plugins.Registry());
        var e = Assert.Throws<TransformationException>(() => chain.Apply(s_record));
        Assert.Equal(("guarded", Filter.ClassName), (e.Alias, e.ClassName));
        Assert.True(e.IsTransient);
    }

    [Fact]
    public void Apply_WithRunner_RunsEachStageThroughIt()
    {
        var plugins = new TestPlugins();
        using var chain = TransformationChain.Create(new Dictionary<string, string>
        {
            ["transforms"] = "a,b",
            ["transforms.a.type"] = TestPlugins.Recording,
            ["transforms.a.tag"] = "a",
            ["transforms.b.type"] = TestPlugins.Failing,
        }, plugins.Registry());
        var visited = new List<string>();
        var result = chain.Apply(s_record, (stage, record) =>
        {
            visited.Add($"{stage.Index}:{stage.Alias}:{stage.ClassName}");
            // An error handler tolerating failures skips the failed stage's record.
            return stage.Index == 1 ? null : stage.Apply(record);
        });
        Assert.Null(result);
        Assert.Equal(["0:a:test.Recording", "1:b:test.Failing"], visited);
    }

    [Fact]
    public void Apply_WithRunner_ExceptionsPropagateUnwrapped()
    {
        var plugins = new TestPlugins();
        using var chain = TransformationChain.Create(
            new Dictionary<string, string> { ["transforms"] = "b", ["transforms.b.type"] = TestPlugins.Failing }, plugins.Registry());
        Assert.Throws<InvalidOperationException>(() => chain.Apply(s_record, (stage, record) => stage.Apply(record)));
    }

    [Fact]
    public void Create_UnknownTransformation_ListsTheSupportedOnes()
    {
        var e = Assert.ThrowsAny<ConfigException>(() => TransformationChain.Create(new Dictionary<string, string>
        {
            ["transforms"] = "x",
            ["transforms.x.type"] = "com.example.Missing",
        }));
        Assert.Equal("transforms.x.type", e.Key);
        Assert.StartsWith(
            "Invalid value com.example.Missing for configuration transforms.x.type: Class com.example.Missing could not be found. Supported transformations: ",
            e.Message,
            StringComparison.Ordinal);
        Assert.Contains(RegexRouter.ClassName, e.Message, StringComparison.Ordinal);
        Assert.Contains(HeaderFrom.ValueClassName, e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(TopicNameMatches.ClassName, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_UnknownPredicate_ListsTheSupportedOnes()
    {
        var e = Assert.ThrowsAny<ConfigException>(() => TransformationChain.Create(new Dictionary<string, string>
        {
            ["transforms"] = "f",
            ["transforms.f.type"] = "Filter",
            ["transforms.f.predicate"] = "p",
            ["predicates"] = "p",
            ["predicates.p.type"] = "IsOrder",
        }));
        Assert.Equal("predicates.p.type", e.Key);
        Assert.EndsWith(
            $"Supported predicates: {HasHeaderKey.ClassName}, {RecordIsTombstone.ClassName}, {TopicNameMatches.ClassName}",
            e.Message,
            StringComparison.Ordinal);
    }

    [Fact]
    public void Create_PredicateClassUsedAsTransformation_IsUnknown() =>
        Assert.ThrowsAny<ConfigException>(() => TransformationChain.Create(new Dictionary<string, string>
        {
            ["transforms"] = "x",
            ["transforms.x.type"] = RecordIsTombstone.ClassName,
        }));

    [Fact]
    public void Create_InvalidTransformSettings_NameTheAliasAndPrefixedKey()
    {
        var e = Assert.ThrowsAny<ConfigException>(() => TransformationChain.Create(new Dictionary<string, string>
        {
            ["transforms"] = "route",
            ["transforms.route.type"] = "RegexRouter",
            ["transforms.route.regex"] = "(.*)",
        }));
        Assert.Equal(
            "Invalid configuration of transformation 'route' (org.apache.kafka.connect.transforms.RegexRouter): "
            + "Missing required configuration \"replacement\" which has no default value.",
            e.Message);
        Assert.Equal("transforms.route.replacement", e.Key);
    }

    [Fact]
    public void Create_InvalidPredicateSettings_NameThePredicate()
    {
        var e = Assert.ThrowsAny<ConfigException>(() => TransformationChain.Create(new Dictionary<string, string>
        {
            ["transforms"] = "f",
            ["transforms.f.type"] = "Filter",
            ["transforms.f.predicate"] = "p",
            ["predicates"] = "p",
            ["predicates.p.type"] = "HasHeaderKey",
        }));
        Assert.StartsWith("Invalid configuration of predicate 'p' (org.apache.kafka.connect.transforms.predicates.HasHeaderKey): ", e.Message, StringComparison.Ordinal);
        Assert.Equal("predicates.p.name", e.Key);
    }

    [Fact]
    public void Create_FailureHalfway_DisposesWhatWasCreated()
    {
        var plugins = new TestPlugins();
        Assert.ThrowsAny<ConfigException>(() => TransformationChain.Create(new Dictionary<string, string>
        {
            ["transforms"] = "a,b,c",
            ["transforms.a.type"] = TestPlugins.Recording,
            ["transforms.a.predicate"] = "p",
            ["transforms.b.type"] = TestPlugins.Recording,
            ["transforms.b.fail.configure"] = "true",
            ["transforms.c.type"] = TestPlugins.Recording,
            ["predicates"] = "p",
            ["predicates.p.type"] = TestPlugins.FlagPredicate,
        }, plugins.Registry()));
        Assert.Equal(3, plugins.Created.Count);
        Assert.Equal(plugins.Created.ToHashSet(), plugins.Disposed.ToHashSet());
    }

    [Fact]
    public void Create_PassesConnectsSubConfigs()
    {
        var plugins = new TestPlugins();
        using var chain = TransformationChain.Create(new Dictionary<string, string>
        {
            ["transforms"] = "t",
            ["transforms.t.type"] = TestPlugins.Recording,
            ["transforms.t.tag"] = "x",
            ["transforms.t.predicate"] = "p",
            ["transforms.t.negate"] = "false",
            ["predicates"] = "p",
            ["predicates.p.type"] = TestPlugins.FlagPredicate,
            ["predicates.p.header"] = "h",
        }, plugins.Registry());
        Assert.Equal(new Dictionary<string, string> { ["type"] = TestPlugins.Recording, ["tag"] = "x" }, plugins.Configs[0]);
        Assert.Equal(new Dictionary<string, string> { ["type"] = TestPlugins.FlagPredicate, ["header"] = "h" }, plugins.Configs[1]);
    }

    [Fact]
    public void Create_EachTransformationGetsItsOwnPredicateInstance()
    {
        using var chain = TransformationChain.Create(new Dictionary<string, string>
        {
            ["transforms"] = "a,b",
            ["transforms.a.type"] = "Filter",
            ["transforms.a.predicate"] = "p",
            ["transforms.b.type"] = "Filter",
            ["transforms.b.predicate"] = "p",
            ["transforms.b.negate"] = "true",
            ["predicates"] = "p,unused",
            ["predicates.p.type"] = "RecordIsTombstone",
            ["predicates.unused.type"] = "HasHeaderKey",
        });
        Assert.NotSame(chain.Stages[0].Predicate, chain.Stages[1].Predicate);
        Assert.Equal([false, true], chain.Stages.Select(s => s.Negate));
    }

    [Fact]
    public void Dispose_DisposesEveryTransformationAndPredicate_EvenWhenOneThrows()
    {
        var plugins = new TestPlugins();
        var chain = TransformationChain.Create(new Dictionary<string, string>
        {
            ["transforms"] = "a,b,c",
            ["transforms.a.type"] = TestPlugins.Failing,
            ["transforms.a.predicate"] = "p",
            ["transforms.b.type"] = TestPlugins.Recording,
            ["transforms.c.type"] = TestPlugins.Recording,
            ["transforms.c.predicate"] = "p",
            ["predicates"] = "p",
            ["predicates.p.type"] = TestPlugins.FlagPredicate,
        }, plugins.Registry());
        chain.Dispose();
        Assert.Equal(5, plugins.Created.Count);
        Assert.Equal(plugins.Created.ToHashSet(), plugins.Disposed.ToHashSet());
    }

    [Fact]
    public void ToString_ListsTheClasses()
    {
        using var chain = TransformationChain.Create(new Dictionary<string, string>
        {
            ["transforms"] = "a,b",
            ["transforms.a.type"] = "Filter",
            ["transforms.b.type"] = "DropHeaders",
            ["transforms.b.headers"] = "x",
        });
        Assert.Equal($"TransformationChain{{{Filter.ClassName}, {DropHeaders.ClassName}}}", chain.ToString());
    }
}
