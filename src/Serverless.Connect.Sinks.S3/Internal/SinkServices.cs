using Microsoft.Extensions.Logging;

namespace Serverless.Connect.Sinks.S3.Internal;

/// <summary>What every partition writer of a task shares.</summary>
internal sealed record SinkServices(
    S3SinkOptions Options,
    S3Storage Storage,
    RecordFormat Format,
    ObjectKeys Keys,
    IPartitioner Partitioner,
    TimestampExtractor Extractor,
    bool Staging,
    TimeProvider Time,
    ILogger Logger);
