using Serverless.Connect.Configuration.Plugins;
using Serverless.Connect.Configuration.Validation;

namespace Serverless.Connect.Sinks.Elasticsearch.Tests;

public sealed class ConfigTests
{
    private static Dictionary<string, string> Minimal(params (string Key, string Value)[] extra)
    {
        var config = new Dictionary<string, string> { ["connection.url"] = "http://localhost:9200" };
        foreach (var (key, value) in extra)
        {
            config[key] = value;
        }

        return config;
    }

    [Fact]
    public void Defaults_match_the_confluent_connector()
    {
        var options = ElasticsearchSinkOptions.FromConfig(Minimal());

        Assert.Equal(2000, options.BatchSize);
        Assert.Equal(5_242_880, options.BulkSizeBytes);
        Assert.Equal(5, options.MaxInFlightRequests);
        Assert.Equal(20000, options.MaxBufferedRecords);
        Assert.Equal(TimeSpan.FromMinutes(3), options.FlushTimeout);
        Assert.Equal(5, options.MaxRetries);
        Assert.Equal(TimeSpan.FromMilliseconds(100), options.RetryBackoff);
        Assert.Equal(TimeSpan.FromSeconds(1), options.ConnectionTimeout);
        Assert.Equal(TimeSpan.FromSeconds(3), options.ReadTimeout);
        Assert.Equal(NullValueBehavior.Fail, options.BehaviorOnNullValues);
        Assert.Equal(MalformedDocumentBehavior.Fail, options.BehaviorOnMalformedDocuments);
        Assert.Equal(WriteMethod.Insert, options.WriteMethod);
        Assert.False(options.Compression);
        Assert.False(options.KeyIgnore);
        Assert.False(options.SchemaIgnore);
        Assert.True(options.CompactMapEntries);
        Assert.Equal(DataStreamType.None, options.DataStreamType);
        Assert.Equal("1", ElasticsearchSinkConfig.Create().Keys["linger.ms"].DefaultValue!.ToString());
    }

    [Fact]
    public void Urls_are_normalized_and_https_applies_to_all_when_any_uses_it()
    {
        var plain = ElasticsearchSinkOptions.FromConfig(Minimal(("connection.url", "es1:9200/, http://es2:9201")));
        var mixed = ElasticsearchSinkOptions.FromConfig(Minimal(("connection.url", "http://es1:9200,https://es2:9201")));

        Assert.Equal(["http://es1:9200/", "http://es2:9201/"], plain.ConnectionUrls.Select(u => u.AbsoluteUri));
        Assert.Equal(["https://es1:9200/", "https://es2:9201/"], mixed.ConnectionUrls.Select(u => u.AbsoluteUri));
    }

    [Fact]
    public void Enum_settings_are_case_insensitive()
    {
        var options = ElasticsearchSinkOptions.FromConfig(Minimal(
            ("behavior.on.null.values", "delete"), ("behavior.on.malformed.documents", "Warn"), ("write.method", "upsert")));

        Assert.Equal(NullValueBehavior.Delete, options.BehaviorOnNullValues);
        Assert.Equal(MalformedDocumentBehavior.Warn, options.BehaviorOnMalformedDocuments);
        Assert.Equal(WriteMethod.Upsert, options.WriteMethod);
    }

    [Fact]
    public void The_seed_config_validates_with_a_warning_for_the_removed_type_name()
    {
        var registry = ElasticsearchSinkPlugin.Register(new PluginRegistry());
        var config = new Dictionary<string, string>
        {
            ["name"] = "elasticsearch-sink",
            ["connector.class"] = ElasticsearchSinkPlugin.ClassName,
            ["tasks.max"] = "3",
            ["topics"] = "orders,products",
            ["connection.url"] = "http://elasticsearch:9200",
            ["type.name"] = "_doc",
            ["key.ignore"] = "false",
            ["schema.ignore"] = "true",
            ["behavior.on.null.values"] = "delete",
            ["write.method"] = "upsert",
            ["errors.tolerance"] = "all",
            ["errors.deadletterqueue.topic.name"] = "dlq.elasticsearch",
            ["errors.log.enable"] = "true",
        };

        var result = new ConnectorConfigValidator(registry).Validate(config);

        Assert.True(result.IsValid, result.ToString());
        var warning = Assert.Single(result.Warnings, w => w.Key == "type.name");
        Assert.Contains("no longer used", warning.Message, StringComparison.Ordinal);
        Assert.NotNull(registry.Find("ElasticsearchSink", PluginKind.Sink));
    }

    [Theory]
    [InlineData("behavior.on.null.values", "drop", "String must be one of (case insensitive): IGNORE, DELETE, FAIL")]
    [InlineData("behavior.on.malformed.documents", "skip", "String must be one of (case insensitive): IGNORE, WARN, FAIL")]
    [InlineData("write.method", "merge", "String must be one of (case insensitive): INSERT, UPSERT")]
    [InlineData("batch.size", "abc", "Not a number of type INT")]
    [InlineData("batch.size", "0", "Value must be at least 1")]
    [InlineData("max.in.flight.requests", "1001", "Value must be no more than 1000")]
    [InlineData("key.ignore", "yes", "Expected value to be either true or false")]
    [InlineData("connection.url", "ftp://x", "Not a valid http(s) URL")]
    [InlineData("data.stream.dataset", "My-Data", "must be at most 100 lowercase characters")]
    public void Bad_values_name_the_key(string key, string value, string expected)
    {
        var error = Assert.Throws<ConfigValidationException>(() => ElasticsearchSinkOptions.FromConfig(Minimal((key, value))));

        Assert.Contains($"{key}: ", error.Message, StringComparison.Ordinal);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Compatibility_keys_are_accepted()
    {
        var options = ElasticsearchSinkOptions.FromConfig(Minimal(
            ("flush.synchronously", "true"), ("external.resource.usage", "DISABLED"), ("max.connection.idle.time.ms", "-1")));

        Assert.Equal(Timeout.InfiniteTimeSpan, options.MaxConnectionIdleTime);
    }

    [Fact]
    public void Connection_url_is_required()
    {
        var error = Assert.Throws<ConfigValidationException>(() => ElasticsearchSinkOptions.FromConfig(new Dictionary<string, string>()));

        Assert.Contains("connection.url: Missing required configuration \"connection.url\" which has no default value.", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("max.buffered.records", "batch.size=2000", "max.in.flight.requests=5", "max.buffered.records=9999")]
    [InlineData("data.stream.dataset", "data.stream.type=LOGS")]
    [InlineData("write.method", "data.stream.type=logs", "data.stream.dataset=app", "write.method=UPSERT")]
    [InlineData("behavior.on.null.values", "data.stream.type=logs", "data.stream.dataset=app", "behavior.on.null.values=delete")]
    [InlineData("data.stream.timestamp.field", "data.stream.timestamp.field=ts")]
    [InlineData("topic.key.ignore", "key.ignore=true", "topic.key.ignore=a")]
    [InlineData("linger.ms", "linger.ms=200000")]
    [InlineData("connection.password", "connection.username=elastic")]
    [InlineData("connection.api.key", "connection.username=u", "connection.password=p", "connection.api.key=k")]
    [InlineData("external.resource.usage", "external.resource.usage=INDEX")]
    [InlineData("proxy.host", "proxy.host=squid")]
    [InlineData("elastic.https.ssl.truststore.location", "elastic.https.ssl.truststore.location=/x.jks")]
    [InlineData("kerberos.keytab.path", "kerberos.keytab.path=/k")]
    public void Cross_field_rules_name_the_key(string key, params string[] settings)
    {
        var config = Minimal(settings.Select(s => (s[..s.IndexOf('=')], s[(s.IndexOf('=') + 1)..])).ToArray());

        var error = Assert.Throws<ConfigValidationException>(() => ElasticsearchSinkOptions.FromConfig(config));

        Assert.Contains(key + ": ", error.Message, StringComparison.Ordinal);
    }
}
