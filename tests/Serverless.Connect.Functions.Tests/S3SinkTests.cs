using Amazon.S3.Model;
using Serverless.Connect.TestUtilities;

namespace Serverless.Connect.Functions.Tests;

/// <summary>The S3 sink through the handler against s3rver: any registered sink runs, and 200 means the objects are written.</summary>
public sealed class S3SinkTests
{
    [Fact]
    public async Task S3Sink_WritesTheBatchesObjects_BeforeAnswering200()
    {
        await using var bucket = await TestBucket.CreateAsync();
        await using var app = await FunctionApp.CreateAsync();
        var services = LocalServices.Current;
        app.Settings.Clear();
        foreach (var (key, value) in new Dictionary<string, string>
        {
            ["topics"] = app.Topic,
            ["key.converter"] = "org.apache.kafka.connect.storage.StringConverter",
            ["value.converter"] = "org.apache.kafka.connect.json.JsonConverter",
            ["value.converter.schemas.enable"] = "false",
            ["s3.bucket.name"] = bucket.Name,
            ["s3.region"] = "us-east-1",
            ["storage.class"] = "io.confluent.connect.s3.storage.S3Storage",
            ["format.class"] = "io.confluent.connect.s3.format.json.JsonFormat",
            ["flush.size"] = "5",
        })
        {
            app.Settings[key] = value;
        }

        // Endpoint and credentials as app settings, the way local.settings.json gives them.
        var prefix = Generation.FunctionNames.OverridePrefix(app.Name);
        app.AppSettings[$"{prefix}__store.url"] = services.S3Endpoint.ToString();
        app.AppSettings[$"{prefix}__aws.access.key.id"] = services.S3AccessKey;
        app.AppSettings[$"{prefix}__aws.secret.access.key"] = services.Get("SC_S3_SECRET_KEY");
        app.WriteConnector("io.confluent.connect.s3.S3SinkConnector");
        var records = await app.ProduceAndConsumeAsync(Enumerable.Range(0, 10).Select(i => ($"k{i}", (string?)$"{{\"n\":{i}}}")));

        var (status, _) = await app.InvokeAsync(records);

        Assert.Equal(200, status);
        var listed = await bucket.Client.ListObjectsV2Async(new ListObjectsV2Request { BucketName = bucket.Name, Prefix = "topics/" });
        var keys = listed.S3Objects?.Select(o => o.Key).Order(StringComparer.Ordinal).ToList() ?? [];
        Assert.Equal(
            [$"topics/{app.Topic}/partition=0/{app.Topic}+0+{records[0].Offset.Value:D10}.json", $"topics/{app.Topic}/partition=0/{app.Topic}+0+{records[5].Offset.Value:D10}.json"],
            keys);
    }
}
