using Serverless.Connect.Configuration;
using Serverless.Connect.Configuration.Plugins;
using Serverless.Connect.Configuration.Validation;
using Serverless.Connect.Transforms.Chain;
using Serverless.Connect.Transforms.Kafka;
using Serverless.Connect.Transforms.Predicates;

namespace Serverless.Connect.Transforms.Tests.Chain;

public sealed class TransformRegistryTests
{
    [Theory]
    [InlineData("org.apache.kafka.connect.transforms.RegexRouter", RegexRouter.ClassName)]
    [InlineData("RegexRouter", RegexRouter.ClassName)]
    [InlineData("  Filter ", Filter.ClassName)]
    [InlineData("org.apache.kafka.connect.transforms.HeaderFrom$Key", HeaderFrom.KeyClassName)]
    public void Find_ClassNameOrConnectAlias(string name, string expected) =>
        Assert.Equal(expected, TransformRegistry.Default.Find(name, PluginKind.Transformation)?.ClassName);

    [Theory]
    [InlineData("TopicNameMatches", TopicNameMatches.ClassName)]
    [InlineData("org.apache.kafka.connect.transforms.predicates.HasHeaderKey", HasHeaderKey.ClassName)]
    public void Find_Predicates(string name, string expected) =>
        Assert.Equal(expected, TransformRegistry.Default.Find(name, PluginKind.Predicate)?.ClassName);

    [Fact]
    public void Find_SimpleNameWithoutKindSuffix()
    {
        var registry = new TransformRegistry()
            .Register(TransformPlugin.Transformation("com.example.UpperCaseTransformation", new ConfigDef(), () => new Filter()));
        Assert.NotNull(registry.Find("UpperCase", PluginKind.Transformation));
        Assert.NotNull(registry.Find("UpperCaseTransformation", PluginKind.Transformation));
    }

    [Fact]
    public void Find_NestedKeyAlias_IsAmbiguousOnceTwoClassesShareIt()
    {
        var registry = new TransformRegistry()
            .Register(TransformPlugin.Transformation(HeaderFrom.KeyClassName, HeaderFrom.ConfigDef, () => new HeaderFrom.Key()))
            .Register(TransformPlugin.Transformation("com.example.Other$Key", new ConfigDef(), () => new Filter()));
        Assert.Null(registry.Find("Key", PluginKind.Transformation));
        Assert.NotNull(registry.Find(HeaderFrom.KeyClassName, PluginKind.Transformation));
    }

    [Fact]
    public void Find_WrongKind_IsNull() => Assert.Null(TransformRegistry.Default.Find("RecordIsTombstone", PluginKind.Transformation));

    [Fact]
    public void Default_HoldsEveryBuiltIn()
    {
        var expected = BuiltInTransforms.All.Select(p => p.ClassName).ToHashSet();
        Assert.Equal(expected, TransformRegistry.Default.Plugins.Select(p => p.ClassName).ToHashSet());
        Assert.Equal(BuiltInTransforms.All.Count, expected.Count);
    }

    [Theory]
    [InlineData(DropHeaders.ClassName)]
    [InlineData(Filter.ClassName)]
    [InlineData(HeaderFrom.KeyClassName)]
    [InlineData(HeaderFrom.ValueClassName)]
    [InlineData(InsertHeader.ClassName)]
    [InlineData(RegexRouter.ClassName)]
    [InlineData(TimestampRouter.ClassName)]
    public void BuiltIns_IncludeTheHeaderAndRoutingTransforms(string className) =>
        Assert.Contains(className, TransformRegistry.Default.SupportedClassNames(PluginKind.Transformation));

    [Fact]
    public void BuiltIns_CreateInstancesOfTheDeclaredKind()
    {
        foreach (var plugin in BuiltInTransforms.All)
        {
            if (plugin.Kind == PluginKind.Transformation)
            {
                using var transformation = plugin.CreateTransformation();
                Assert.Throws<InvalidOperationException>(plugin.CreatePredicate);
            }
            else
            {
                using var predicate = plugin.CreatePredicate();
                Assert.Throws<InvalidOperationException>(plugin.CreateTransformation);
            }
        }
    }

    [Fact]
    public void SupportedClassNames_AreSorted()
    {
        var names = TransformRegistry.Default.SupportedClassNames(PluginKind.Transformation);
        Assert.Equal(names.Order(StringComparer.Ordinal), names);
        Assert.Equal([HasHeaderKey.ClassName, RecordIsTombstone.ClassName, TopicNameMatches.ClassName],
            TransformRegistry.Default.SupportedClassNames(PluginKind.Predicate));
    }

    [Fact]
    public void Register_SameClassAgain_Replaces()
    {
        var registry = new TransformRegistry();
        registry.Register(TransformPlugin.Transformation("a.B", new ConfigDef(), () => new Filter()));
        registry.Register(TransformPlugin.Transformation("a.B", new ConfigDef(), () => new DropHeaders()));
        Assert.IsType<DropHeaders>(Assert.Single(registry.Plugins).CreateTransformation());
    }

    [Fact]
    public void Resolve_Unknown_ThrowsWithKeyAndSupportedList()
    {
        var e = Assert.Throws<ConfigException>(() => TransformRegistry.Default.Resolve("Nope", PluginKind.Predicate, "predicates.p.type"));
        Assert.Equal("predicates.p.type", e.Key);
        Assert.Contains(RecordIsTombstone.ClassName, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RegisterInto_MakesConnectorValidationKnowEveryPlugin()
    {
        var plugins = TransformRegistry.Default.RegisterInto(new PluginRegistry());
        foreach (var plugin in BuiltInTransforms.All)
        {
            var descriptor = plugins.Find(plugin.ClassName, plugin.Kind);
            Assert.NotNull(descriptor);
            Assert.Same(plugin.Config, descriptor.Config);
        }
    }

    [Fact]
    public void ConnectorValidation_ReportsTransformSettingsAndCrossFieldRules()
    {
        var plugins = TransformRegistry.Default.RegisterInto(new PluginRegistry());
        plugins.Register(new PluginDescriptor("com.example.SinkConnector", PluginKind.Sink));
        var result = new ConnectorConfigValidator(plugins).Validate(new Dictionary<string, string>
        {
            ["name"] = "sink",
            ["connector.class"] = "com.example.SinkConnector",
            ["topics"] = "orders",
            ["transforms"] = "route,fromHeaders",
            ["transforms.route.type"] = "RegexRouter",
            ["transforms.route.regex"] = "(.*",
            ["transforms.route.replacement"] = "$1",
            ["transforms.fromHeaders.type"] = "org.apache.kafka.connect.transforms.HeaderFrom$Value",
            ["transforms.fromHeaders.fields"] = "a,b",
            ["transforms.fromHeaders.headers"] = "a",
            ["transforms.fromHeaders.operation"] = "copy",
        });
        var errors = result.Errors.Select(e => e.ToString()).ToList();
        Assert.Contains(errors, e => e.StartsWith("transforms.route.regex: Invalid value (.* for configuration transforms.route.regex: Invalid regex: ", StringComparison.Ordinal)
            || e.StartsWith("transforms.route.regex: Invalid value (.* for configuration regex: Invalid regex: ", StringComparison.Ordinal));
        Assert.Contains("'fields' config must have the same number of elements as 'headers' config.", errors);
    }

    [Fact]
    public void Descriptor_Validator_ConfiguresAThrowawayInstance()
    {
        var descriptor = TransformRegistry.Default.Find("TimestampRouter", PluginKind.Transformation)!.ToDescriptor();
        var problems = descriptor.Validator!(new Dictionary<string, string> { ["timestamp.format"] = "yyyyq" }).ToList();
        Assert.Equal("timestamp.format", Assert.Single(problems).Key);
        Assert.Empty(descriptor.Validator(new Dictionary<string, string>()));
    }
}
