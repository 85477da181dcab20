using System.Globalization;
using Serverless.Connect.Data;

namespace Serverless.Connect.Sinks.S3.Internal;

internal sealed class DefaultPartitioner : IPartitioner
{
    public string Encode(ConnectRecord record, long timestamp) =>
        "partition=" + (record.KafkaPartition ?? 0).ToString(CultureInfo.InvariantCulture);
}
