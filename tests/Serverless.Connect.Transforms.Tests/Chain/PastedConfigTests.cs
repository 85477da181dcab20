using Serverless.Connect.Configuration;
using Serverless.Connect.Configuration.Loading;
using Serverless.Connect.Configuration.Plugins;
using Serverless.Connect.Data;
using Serverless.Connect.Transforms.Chain;

namespace Serverless.Connect.Transforms.Tests.Chain;

/// <summary>Configs pasted as users have them (Strimzi YAML, Connect REST JSON) load, validate and run.</summary>
public sealed class PastedConfigTests
{
    private const string StrimziYaml = """
        apiVersion: kafka.strimzi.io/v1beta2
        kind: KafkaConnector
        metadata:
          name: es-sink
          labels:
            strimzi.io/cluster: my-connect
        spec:
          class: com.example.SinkConnector
          tasksMax: 1
          config:
            topics: orders
            transforms: filter,route,env
            transforms.filter.type: org.apache.kafka.connect.transforms.Filter
            transforms.filter.predicate: isOrder
            transforms.filter.negate: true
            transforms.route.type: org.apache.kafka.connect.transforms.RegexRouter
            transforms.route.regex: (.*)
            transforms.route.replacement: prod-$1
            transforms.env.type: InsertHeader
            transforms.env.header: env
            transforms.env.value.literal: prod
            predicates: isOrder
            predicates.isOrder.type: org.apache.kafka.connect.transforms.predicates.RecordIsTombstone
        """;

    private const string RestJson = """
        {"name": "router", "config": {
          "connector.class": "com.example.SinkConnector",
          "topics": "index-20160117",
          "transforms": "slice,stamp",
          "transforms.slice.type": "org.apache.kafka.connect.transforms.RegexRouter",
          "transforms.slice.regex": "(.*)-(\\d\\d\\d\\d\\d\\d\\d\\d)",
          "transforms.slice.replacement": "$1",
          "transforms.stamp.type": "org.apache.kafka.connect.transforms.TimestampRouter",
          "transforms.stamp.topic.format": "${topic}_${timestamp}",
          "transforms.stamp.timestamp.format": "yyyy-MM"
        }}
        """;

    [Fact]
    public void StrimziYaml_SeedFilterExample_LoadsValidatesAndRuns()
    {
        var connector = Assert.Single(new ConnectConfigLoader().LoadText(StrimziYaml, ConfigFormat.Yaml).Connectors);
        Assert.Empty(Validator().Validate(connector).Errors);
        using var chain = TransformationChain.Create(connector.Values);
        var tombstone = new ConnectRecord("orders", 0, Schema.StringSchema, "k", null, null, 0);
        var routed = chain.Apply(tombstone)!;
        Assert.Equal("prod-orders", routed.Topic);
        Assert.Equal(new ConnectHeader("env", Schema.StringSchema, "prod"), routed.Headers.Single());
        Assert.Null(chain.Apply(tombstone with { ValueSchema = Schema.StringSchema, Value = "row" }));
    }

    [Fact]
    public void RestJson_RoutersChain()
    {
        var connector = Assert.Single(new ConnectConfigLoader().LoadText(RestJson, ConfigFormat.Json).Connectors);
        Assert.Empty(Validator().Validate(connector).Errors);
        using var chain = TransformationChain.Create(connector.Values);
        Assert.Equal("index_2017-01", chain.Apply(new ConnectRecord("index-20160117", 0, null, null, null, "v", 1483425001864L))!.Topic);
    }

    [Fact]
    public void Validation_ReportsUnknownTransformAndMissingSetting()
    {
        var config = new Dictionary<string, string>
        {
            ["name"] = "bad",
            ["connector.class"] = "com.example.SinkConnector",
            ["topics"] = "orders",
            ["transforms"] = "a,b",
            ["transforms.a.type"] = "com.example.Nope",
            ["transforms.b.type"] = "HasHeaderKey",
        };
        var errors = Validator().Validate(config).Errors.Select(e => e.ToString()).ToList();
        Assert.Contains(errors, e => e.Contains("transforms.a.type", StringComparison.Ordinal) && e.Contains("Class com.example.Nope could not be found.", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("transforms.b.type", StringComparison.Ordinal));
        Assert.ThrowsAny<ConfigException>(() => TransformationChain.Create(config));
    }

    private static ConnectorConfigValidator Validator()
    {
        var plugins = TransformRegistry.Default.RegisterInto(new PluginRegistry());
        plugins.Register(new PluginDescriptor("com.example.SinkConnector", PluginKind.Sink));
        return new ConnectorConfigValidator(plugins);
    }
}
