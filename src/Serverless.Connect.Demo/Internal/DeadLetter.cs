using System.Text;
using Confluent.Kafka;

namespace Serverless.Connect.Demo.Internal;

/// <summary>One record of a dead letter queue: where it sits, where it came from and why (Connect's error headers).</summary>
internal sealed record DeadLetter(string Topic, int Partition, long Offset, string? Origin, string? Exception, string? Message)
{
    public static DeadLetter From(ConsumeResult<byte[]?, byte[]?> result)
    {
        string? Header(string key) =>
            result.Message.Headers?.TryGetLastBytes(key, out var bytes) == true && bytes is not null ? Encoding.UTF8.GetString(bytes) : null;

        var origin = Header("__connect.errors.topic") is { } topic
            ? $"{topic}[{Header("__connect.errors.partition")}]@{Header("__connect.errors.offset")}"
            : null;
        return new DeadLetter(
            result.Topic, result.Partition.Value, result.Offset.Value, origin,
            Header("__connect.errors.exception.class.name"), Header("__connect.errors.exception.message"));
    }
}
