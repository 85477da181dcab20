using System.Text;
using Serverless.Connect.Runtime.Records;

namespace Serverless.Connect.Runtime.Tests.Support;

internal static class TestRecords
{
    public static ConsumedRecord Consumed(string? key = null, string? value = "{}", string topic = "orders", int partition = 2, long offset = 42,
        long? timestamp = 1700000000000, params RawHeader[] headers) =>
        new(topic, partition, offset, timestamp, key is null ? null : Encoding.UTF8.GetBytes(key), value is null ? null : Encoding.UTF8.GetBytes(value), headers);
}
