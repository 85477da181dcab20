using Amazon.S3.Model;
using Microsoft.Extensions.Logging.Abstractions;
using Serverless.Connect.Data;
using Serverless.Connect.Sinks;
using Serverless.Connect.TestUtilities;

namespace Serverless.Connect.Sinks.S3.Tests;

internal static class S3TestSupport
{
    public const string Parquet = "io.confluent.connect.s3.format.parquet.ParquetFormat";
    public const string Json = "io.confluent.connect.s3.format.json.JsonFormat";
    public const string Avro = "io.confluent.connect.s3.format.avro.AvroFormat";

    public static Dictionary<string, string> Config(TestBucket bucket, string format, int flushSize, params (string Key, string Value)[] extra)
    {
        var services = LocalServices.Current;
        var config = new Dictionary<string, string>
        {
            ["name"] = "s3-test",
            ["connector.class"] = "io.confluent.connect.s3.S3SinkConnector",
            ["s3.bucket.name"] = bucket.Name,
            ["s3.region"] = "us-east-1",
            ["store.url"] = services.S3Endpoint.ToString(),
            ["aws.access.key.id"] = services.S3AccessKey,
            ["aws.secret.access.key"] = services.S3SecretKey,
            ["storage.class"] = "io.confluent.connect.s3.storage.S3Storage",
            ["format.class"] = format,
            ["flush.size"] = flushSize.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        foreach (var (key, value) in extra)
        {
            config[key] = value;
        }

        return config;
    }

    public static S3SinkTask Task(TestBucket bucket, Dictionary<string, string> config, SinkHostKind host = SinkHostKind.Standalone, TimeProvider? time = null) =>
        new(S3SinkOptions.FromConfig(config), host, NullLogger.Instance, time, bucket.Client);

    public static async Task<List<string>> KeysAsync(TestBucket bucket, string prefix = "")
    {
        var keys = new List<string>();
        string? token = null;
        do
        {
            var page = await bucket.Client.ListObjectsV2Async(new ListObjectsV2Request { BucketName = bucket.Name, Prefix = prefix, ContinuationToken = token });
            keys.AddRange((page.S3Objects ?? []).Select(o => o.Key));
            token = page.IsTruncated == true ? page.NextContinuationToken : null;
        }
        while (token is not null);
        keys.Sort(StringComparer.Ordinal);
        return keys;
    }

    public static async Task<byte[]> GetAsync(TestBucket bucket, string key)
    {
        using var response = await bucket.Client.GetObjectAsync(bucket.Name, key);
        using var memory = new MemoryStream();
        await response.ResponseStream.CopyToAsync(memory);
        return memory.ToArray();
    }

    /// <summary>Downloads the objects under <paramref name="prefix"/> into a fresh folder, keeping their keys as paths.</summary>
    public static async Task<(string Directory, List<string> Keys)> DownloadAsync(TestBucket bucket, string prefix)
    {
        var directory = Path.Combine(Path.GetTempPath(), "s3-sink-tests", Guid.NewGuid().ToString("N"));
        var keys = await KeysAsync(bucket, prefix);
        foreach (var key in keys)
        {
            var path = Path.Combine(directory, key);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            await File.WriteAllBytesAsync(path, await GetAsync(bucket, key));
        }

        return (directory, keys);
    }

    public static ConnectRecord Record(string topic, int partition, long offset, Schema? schema, object? value, long? timestamp = null) =>
        new(topic, partition, null, null, schema, value, timestamp) { KafkaOffset = offset };
}
