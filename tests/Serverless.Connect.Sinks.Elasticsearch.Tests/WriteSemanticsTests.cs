using System.Text.Json.Nodes;
using Serverless.Connect.Data;

namespace Serverless.Connect.Sinks.Elasticsearch.Tests;

public sealed class WriteSemanticsTests : SinkFixture
{
    [Fact]
    public async Task Final_documents_equal_the_last_value_per_key_with_offset_as_version()
    {
        var task = CreateTask(("batch.size", "7"), ("max.in.flight.requests", "5"), ("max.buffered.records", "1000"));
        var records = new List<ConnectRecord>();
        var expected = new Dictionary<string, (string Name, long Offset)>();
        for (var offset = 0; offset < 300; offset++)
        {
            var key = "k" + (offset * 7919 % 23);
            records.Add(Records.Keyed("Orders", 0, offset, key, $"v{offset}", offset));
            expected[key] = ($"v{offset}", offset);
        }

        var outcomes = await task.PutAsync(records);

        Assert.All(outcomes, o => Assert.Equal(SinkRecordStatus.Written, o.Status));
        var docs = await Reader.AllDocumentsAsync("orders");
        Assert.Equal(expected.Keys.Order(), docs.Keys.Order());
        foreach (var (key, (name, offset)) in expected)
        {
            Assert.Equal(name, docs[key]["name"]!.GetValue<string>());
            Assert.Equal(offset, (await Reader.GetAsync("orders", key))!.Value.Version);
        }

        Assert.Contains(Server.Requests, r => r.Body.StartsWith(
            "{\"index\":{\"_index\":\"orders\",\"_id\":\"k0\",\"version\":0,\"version_type\":\"external\"}}\n{\"id\":0,\"name\":\"v0\",\"n\":0}\n",
            StringComparison.Ordinal));
        Assert.True(Server.Requests.All(r => r.Operations <= 7));
        Assert.Empty(Server.Violations);
    }

    [Fact]
    public async Task Tombstones_delete_the_document_when_behavior_is_delete()
    {
        var task = CreateTask(("behavior.on.null.values", "delete"), ("max.in.flight.requests", "1"));
        var outcomes = await task.PutAsync(
        [
            Records.Keyed("users", 0, 10, "a", "A", 1),
            Records.Keyed("users", 0, 11, "b", "B", 2),
            Records.Tombstone("users", 0, 12, "a"),
            Records.Tombstone("users", 0, 13, "never-written"),
        ]);

        Assert.All(outcomes, o => Assert.Equal(SinkRecordStatus.Written, o.Status));
        var docs = await Reader.AllDocumentsAsync("users");
        Assert.Equal(["b"], docs.Keys);
        Assert.Contains("{\"delete\":{\"_index\":\"users\",\"_id\":\"a\",\"version\":12,\"version_type\":\"external\"}}\n",
            Server.Requests.Single().Body, StringComparison.Ordinal);
        Assert.Empty(Server.Violations);
    }

    [Fact]
    public async Task Replayed_older_offsets_conflict_and_count_as_written()
    {
        var task = CreateTask();
        await task.PutAsync([Records.Keyed("t", 0, 100, "x", "newest", 1)]);

        var replay = await task.PutAsync([Records.Keyed("t", 0, 50, "x", "older", 1), Records.Keyed("t", 0, 100, "x", "same", 1)]);

        Assert.All(replay, o => Assert.Equal(SinkRecordStatus.Written, o.Status));
        var doc = await Reader.GetAsync("t", "x");
        Assert.Equal(100, doc!.Value.Version);
        Assert.Equal("newest", doc.Value.Source["name"]!.GetValue<string>());
        Assert.Equal(2, Server.Requests.Last().ItemErrors);
    }

    [Fact]
    public async Task Key_ignore_uses_topic_partition_offset_ids_without_versioning()
    {
        var task = CreateTask(("key.ignore", "true"), ("max.in.flight.requests", "1"));
        var outcomes = await task.PutAsync([Records.Keyed("Clicks", 3, 41, "k", "a", 1), Records.Keyed("Clicks", 3, 42, "k", "b", 2)]);

        Assert.All(outcomes, o => Assert.Equal(SinkRecordStatus.Written, o.Status));
        var docs = await Reader.AllDocumentsAsync("clicks");
        Assert.Equal(["Clicks+3+41", "Clicks+3+42"], docs.Keys.Order(StringComparer.Ordinal));
        var body = Server.Requests.Single().Body;
        Assert.DoesNotContain("version", body, StringComparison.Ordinal);
        Assert.StartsWith("{\"index\":{\"_index\":\"clicks\",\"_id\":\"Clicks+3+41\"}}\n", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Upsert_merges_fields_with_update_doc_as_upsert_and_no_version()
    {
        var task = CreateTask(("write.method", "upsert"), ("schema.ignore", "true"));
        await task.PutAsync([Records.Schemaless("profiles", 0, 1, "p1", Records.Map(("a", 1L), ("b", 1L)))]);
        var outcomes = await task.PutAsync([Records.Schemaless("profiles", 0, 2, "p1", Records.Map(("b", 2L), ("c", "x")))]);

        Assert.Equal(SinkRecordStatus.Written, Assert.Single(outcomes).Status);
        var doc = (await Reader.GetAsync("profiles", "p1"))!.Value;
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("{\"a\":1,\"b\":2,\"c\":\"x\"}"), doc.Source));
        Assert.Equal(
            "{\"update\":{\"_index\":\"profiles\",\"_id\":\"p1\",\"retry_on_conflict\":5}}\n{\"doc\":{\"b\":2,\"c\":\"x\"},\"doc_as_upsert\":true}\n",
            Server.Requests.Last().Body);
        Assert.Empty(Server.Violations);
    }

    [Fact]
    public async Task Data_streams_use_create_with_the_record_timestamp_and_replays_are_written()
    {
        var task = CreateTask(("data.stream.type", "logs"), ("data.stream.dataset", "app"), ("max.in.flight.requests", "1"));
        var records = new[] { Records.Keyed("Web.Events", 0, 5, "e1", "one", 1, 1_700_000_000_123), Records.Keyed("Web.Events", 0, 6, "e2", "two", 2) };

        var first = await task.PutAsync(records);
        var replay = await task.PutAsync(records);

        Assert.All(first.Concat(replay), o => Assert.Equal(SinkRecordStatus.Written, o.Status));
        var docs = await Reader.AllDocumentsAsync("logs-app-web.events");
        Assert.Equal(2, docs.Count);
        Assert.Equal(1_700_000_000_123, docs["e1"]["@timestamp"]!.GetValue<long>());
        Assert.StartsWith("{\"create\":{\"_index\":\"logs-app-web.events\",\"_id\":\"e1\"}}\n", Server.Requests.First().Body, StringComparison.Ordinal);
        Assert.Empty(Server.Violations);
    }

    [Fact]
    public async Task Null_values_follow_behavior_on_null_values()
    {
        var ignore = CreateTask(("behavior.on.null.values", "IGNORE"));
        var fail = CreateTask();

        var ignored = Assert.Single(await ignore.PutAsync([Records.Tombstone("n", 0, 1, "a")]));
        var failed = Assert.Single(await fail.PutAsync([Records.Tombstone("n", 0, 1, "a")]));

        Assert.Equal(SinkRecordStatus.Skipped, ignored.Status);
        Assert.Equal("Cannot write null valued record.", ignored.Error!.Message);
        Assert.Equal(SinkRecordStatus.Failed, failed.Status);
        Assert.Contains("'behavior.on.null.values' from 'FAIL' to 'IGNORE'", failed.Error!.Message, StringComparison.Ordinal);
        Assert.Empty(Server.Requests);
    }

    [Fact]
    public async Task Unsupported_keys_are_conversion_failures_or_dropped()
    {
        var structKey = SchemaBuilder.Struct().Field("id", Schema.Int32Schema).Build();
        var record = Records.Keyed("s", 0, 1, "x", "a", 1) with { KeySchema = structKey, Key = new StructBuilder(structKey).Put("id", 1).Build() };
        var strict = CreateTask();
        var dropping = CreateTask(("drop.invalid.message", "true"));

        var failed = Assert.Single(await strict.PutAsync([record]));
        var dropped = Assert.Single(await dropping.PutAsync([record]));

        Assert.Equal(SinkRecordStatus.Failed, failed.Status);
        Assert.Equal("STRUCT is not supported as the document id.", failed.Error!.Message);
        Assert.Equal(SinkRecordStatus.Malformed, dropped.Status);
        Assert.Empty(Server.Requests);
    }
}
