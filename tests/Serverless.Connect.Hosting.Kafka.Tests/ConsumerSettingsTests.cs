using Serverless.Connect.Hosting.Kafka.Internal;

namespace Serverless.Connect.Hosting.Kafka.Tests;

/// <summary>How the worker's <c>consumer.*</c> and the connector's <c>consumer.override.*</c> keys reach librdkafka.</summary>
public sealed class ConsumerSettingsTests
{
    [Fact]
    public void Java_names_with_another_librdkafka_name_are_renamed()
    {
        var config = ConsumerSettings.Create(
            new Dictionary<string, string>
            {
                ["consumer.override.fetch.max.wait.ms"] = "50",
                ["consumer.receive.buffer.bytes"] = "65536",
            },
            "127.0.0.1:9092", "c", out var ignored);

        Assert.Equal("50", config.Get("fetch.wait.max.ms"));
        Assert.Equal("65536", config.Get("socket.receive.buffer.bytes"));
        Assert.Empty(ignored);
    }

    [Fact]
    public void The_connector_override_wins_over_the_worker_setting()
    {
        var config = ConsumerSettings.Create(
            new Dictionary<string, string>
            {
                ["consumer.override.session.timeout.ms"] = "6000",
                ["consumer.session.timeout.ms"] = "30000",
            },
            "127.0.0.1:9092", "c", out _);

        Assert.Equal("6000", config.Get("session.timeout.ms"));
    }

    [Fact]
    public void Keys_without_an_equivalent_are_reported_and_worker_owned_keys_are_not()
    {
        var config = ConsumerSettings.Create(
            new Dictionary<string, string>
            {
                ["consumer.override.interceptor.classes"] = "com.example.Interceptor",
                ["consumer.override.enable.auto.commit"] = "true",
                ["consumer.override.key.deserializer"] = "org.apache.kafka.common.serialization.StringDeserializer",
            },
            "127.0.0.1:9092", "orders", out var ignored);

        Assert.Equal(["interceptor.classes"], ignored);
        Assert.False(config.EnableAutoCommit);
        Assert.Equal("connect-orders", config.GroupId);
        Assert.Null(config.Get("interceptor.classes"));
    }
}
