using System.Globalization;

namespace Serverless.Connect.Sinks.S3.Internal;

/// <summary>Confluent's object names: <c>[topics.dir/]topic/encodedPartition/topic+partition+startOffset.ext</c>.</summary>
internal sealed class ObjectKeys(S3SinkOptions options, string extension)
{
    public string FileKey(string topic, string encodedPartition, int kafkaPartition, long startOffset)
    {
        var d = options.DirectoryDelim;
        var prefix = options.TopicsDir.Length > 0 ? options.TopicsDir + d : "";
        var offset = startOffset.ToString(options.FilenameOffsetZeroPadWidth > 0 ? "D" + options.FilenameOffsetZeroPadWidth.ToString(CultureInfo.InvariantCulture) : "D",
            CultureInfo.InvariantCulture);
        var f = options.FileDelim;
        return $"{prefix}{topic}{d}{encodedPartition}{d}{topic}{f}{kafkaPartition.ToString(CultureInfo.InvariantCulture)}{f}{offset}{extension}";
    }

    public string StagingPrefix(string topic, int kafkaPartition) =>
        $"{options.StagingDir}/{options.ConnectorName}/{topic}+{kafkaPartition.ToString(CultureInfo.InvariantCulture)}/";

    public string CheckpointKey(string topic, int kafkaPartition) => StagingPrefix(topic, kafkaPartition) + "checkpoint.json";

    public string ChunkKey(string topic, int kafkaPartition, long startOffset) =>
        StagingPrefix(topic, kafkaPartition) + startOffset.ToString("D20", CultureInfo.InvariantCulture) + ".chunk";
}
