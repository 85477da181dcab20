using Serverless.Connect.Data;
using Serverless.Connect.TestUtilities;
using static Serverless.Connect.Sources.Postgres.Tests.SourceHarness;

namespace Serverless.Connect.Sources.Postgres.Tests;

public sealed class StreamingEventTests
{
    [Fact]
    public async Task Insert_produces_a_create_event_with_Debezium_key_and_envelope_schemas()
    {
        await using var db = await TestDatabase.CreateAsync();
        await db.ExecuteAsync("CREATE TABLE customers (id int PRIMARY KEY, email text NOT NULL, note varchar(20))");
        await using var source = await StartAsync(db, Config(db));
        await db.ExecuteAsync("INSERT INTO customers VALUES (1, 'a@b.c', NULL)");

        var record = await source.NextAsync();

        Assert.Equal("srv.public.customers", record.Topic);
        Assert.Equal(
            """{"schema":{"type":"struct","fields":[{"type":"int32","optional":false,"field":"id"}],"optional":false,"name":"srv.public.customers.Key"},"payload":{"id":1}}""",
            Json(record.KeySchema, record.Key));
        var envelope = record.ValueSchema!;
        Assert.Equal("srv.public.customers.Envelope", envelope.Name);
        Assert.Equal(2, envelope.Version);
        Assert.Equal(["before", "after", "source", "transaction", "op", "ts_ms", "ts_us", "ts_ns"], envelope.Fields.Select(f => f.Name));
        Assert.Equal("srv.public.customers.Value", envelope.FieldByName("after")!.Schema.Name);
        Assert.Same(envelope.FieldByName("before")!.Schema, envelope.FieldByName("after")!.Schema);
        var source1 = envelope.FieldByName("source")!.Schema;
        Assert.Equal("io.debezium.connector.postgresql.Source", source1.Name);
        Assert.Equal(
            ["version", "connector", "name", "ts_ms", "snapshot", "db", "sequence", "ts_us", "ts_ns", "schema", "table", "txId", "lsn", "xmin"],
            source1.Fields.Select(f => f.Name));
        Assert.Equal("c", Op(record));
        Assert.Null(Before(record));
        Assert.Equal("""{"id":1,"email":"a@b.c","note":null}""", PayloadOf(Json(envelope.FieldByName("after")!.Schema, After(record))));

        var sourceJson = Json(source1, ((Struct)record.Value!).Get("source"));
        Assert.Contains(
            """{"type":"string","optional":true,"name":"io.debezium.data.Enum","version":1,"parameters":{"allowed":"true,last,false,incremental"},"default":"false","field":"snapshot"}""",
            sourceJson, StringComparison.Ordinal);
        var payload = PayloadOf(sourceJson);
        Assert.StartsWith("""{"version":"2.7.3.Final","connector":"postgresql","name":"srv","ts_ms":""", payload, StringComparison.Ordinal);
        Assert.Contains($"\"snapshot\":\"false\",\"db\":\"{db.Name}\",\"sequence\":\"[", payload, StringComparison.Ordinal);
        Assert.Contains("\"schema\":\"public\",\"table\":\"customers\",\"txId\":", payload, StringComparison.Ordinal);
        Assert.EndsWith(",\"xmin\":null}", payload, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Update_and_delete_with_default_identity_give_null_before_then_key_only_before_and_a_tombstone()
    {
        await using var db = await TestDatabase.CreateAsync();
        await db.ExecuteAsync("CREATE TABLE items (id int PRIMARY KEY, name text NOT NULL, qty int)");
        await using var source = await StartAsync(db, Config(db));
        await db.ExecuteAsync("INSERT INTO items VALUES (1, 'one', 5); UPDATE items SET name = 'uno' WHERE id = 1; DELETE FROM items WHERE id = 1");

        var records = await source.NextAsync(4);

        Assert.Equal(["c", "u", "d"], records.Take(3).Select(Op));
        Assert.Null(Before(records[1]));
        Assert.Equal("uno", After(records[1]).Get("name"));
        var deleted = Before(records[2])!;
        Assert.Equal(1, deleted.Get("id"));
        Assert.Equal(string.Empty, deleted.Get("name"));
        Assert.Null(deleted.Get("qty"));
        Assert.Null(((Struct)records[2].Value!).Get("after"));
        var tombstone = records[3];
        Assert.Null(tombstone.Value);
        Assert.Null(tombstone.ValueSchema);
        Assert.Equal(records[2].Key, tombstone.Key);
        Assert.Equal("srv.public.items", tombstone.Topic);
    }

    [Fact]
    public async Task Replica_identity_full_fills_before_with_every_old_column()
    {
        await using var db = await TestDatabase.CreateAsync();
        await db.ExecuteAsync("CREATE TABLE items (id int PRIMARY KEY, name text NOT NULL, qty int); ALTER TABLE items REPLICA IDENTITY FULL");
        await using var source = await StartAsync(db, Config(db, ("tombstones.on.delete", "false")));
        await db.ExecuteAsync("INSERT INTO items VALUES (1, 'one', 5); UPDATE items SET qty = 6 WHERE id = 1; DELETE FROM items WHERE id = 1");

        var records = await source.NextAsync(3);

        Assert.Equal(["c", "u", "d"], records.Select(Op));
        Assert.Equal("""{"id":1,"name":"one","qty":5}""", PayloadOf(Json(Before(records[1])!.Schema, Before(records[1]))));
        Assert.Equal("""{"id":1,"name":"one","qty":6}""", PayloadOf(Json(Before(records[2])!.Schema, Before(records[2]))));
    }

    [Fact]
    public async Task Primary_key_change_is_a_delete_a_tombstone_and_a_create_with_key_headers()
    {
        await using var db = await TestDatabase.CreateAsync();
        await db.ExecuteAsync("CREATE TABLE items (id int PRIMARY KEY, name text)");
        await using var source = await StartAsync(db, Config(db));
        await db.ExecuteAsync("INSERT INTO items VALUES (1, 'one'); UPDATE items SET id = 2 WHERE id = 1");

        var records = await source.NextAsync(4);

        Assert.Equal("c", Op(records[0]));
        var delete = records[1];
        Assert.Equal("d", Op(delete));
        Assert.Equal(1, ((Struct)delete.Key!).Get("id"));
        Assert.Equal(2, ((Struct)delete.Headers.LastWithName("__debezium.newkey")!.Value!).Get("id"));
        Assert.Null(records[2].Value);
        Assert.Equal(1, ((Struct)records[2].Key!).Get("id"));
        var create = records[3];
        Assert.Equal("c", Op(create));
        Assert.Equal(2, ((Struct)create.Key!).Get("id"));
        Assert.Equal(1, ((Struct)create.Headers.LastWithName("__debezium.oldkey")!.Value!).Get("id"));
        Assert.Equal("one", After(create).Get("name"));
    }

    [Fact]
    public async Task Column_added_and_dropped_mid_stream_changes_the_value_schema()
    {
        await using var db = await TestDatabase.CreateAsync();
        await db.ExecuteAsync("CREATE TABLE items (id int PRIMARY KEY, name text)");
        await using var source = await StartAsync(db, Config(db));
        await db.ExecuteAsync("INSERT INTO items VALUES (1, 'one')");
        await db.ExecuteAsync("ALTER TABLE items ADD COLUMN price numeric(10,2) NOT NULL DEFAULT 0");
        await db.ExecuteAsync("INSERT INTO items VALUES (2, 'two', 12.50)");
        await db.ExecuteAsync("ALTER TABLE items DROP COLUMN name");
        await db.ExecuteAsync("INSERT INTO items VALUES (3, 1.25)");

        var records = await source.NextAsync(3);

        Assert.Equal(["id", "name"], After(records[0]).Schema.Fields.Select(f => f.Name));
        Assert.Equal(["id", "name", "price"], After(records[1]).Schema.Fields.Select(f => f.Name));
        Assert.Equal(new ConnectDecimal(1250, 2), After(records[1]).Get("price"));
        Assert.Equal(["id", "price"], After(records[2]).Schema.Fields.Select(f => f.Name));
        Assert.Equal(
            """{"type":"bytes","optional":false,"name":"org.apache.kafka.connect.data.Decimal","version":1,"parameters":{"scale":"2","connect.decimal.precision":"10"},"default":"AA==","field":"price"}""",
            SchemaFieldJson(After(records[2]).Schema, "price"));
    }

    [Fact]
    public async Task Unchanged_toast_value_is_replaced_by_the_placeholder()
    {
        await using var db = await TestDatabase.CreateAsync();
        await db.ExecuteAsync("CREATE TABLE docs (id int PRIMARY KEY, body text, n int); ALTER TABLE docs ALTER COLUMN body SET STORAGE EXTERNAL");
        await using var source = await StartAsync(db, Config(db));
        await db.ExecuteAsync("INSERT INTO docs VALUES (1, repeat('x', 10000), 1); UPDATE docs SET n = 2 WHERE id = 1");

        var records = await source.NextAsync(2);

        Assert.Equal(new string('x', 10000), After(records[0]).Get("body"));
        Assert.Equal("__debezium_unavailable_value", After(records[1]).Get("body"));
        Assert.Equal(2, After(records[1]).Get("n"));
    }

    [Fact]
    public async Task Truncate_gives_op_t_without_key_and_filters_exclude_tables_and_columns()
    {
        await using var db = await TestDatabase.CreateAsync();
        await db.ExecuteAsync("CREATE TABLE a (id int PRIMARY KEY, secret text, shown text); CREATE TABLE b (id int PRIMARY KEY)");
        await using var source = await StartAsync(db, Config(db, ("table.include.list", "public.a"), ("column.exclude.list", "public.a.secret")));
        await db.ExecuteAsync("INSERT INTO b VALUES (1); INSERT INTO a VALUES (1, 's', 'v'); TRUNCATE a");

        var records = await source.NextAsync(2);

        Assert.Equal("srv.public.a", records[0].Topic);
        Assert.Equal(["id", "shown"], After(records[0]).Schema.Fields.Select(f => f.Name));
        Assert.Equal("t", Op(records[1]));
        Assert.Null(records[1].Key);
        Assert.Null(records[1].KeySchema);
    }

    [Fact]
    public async Task Transaction_metadata_fills_the_block_and_emits_begin_and_end()
    {
        await using var db = await TestDatabase.CreateAsync();
        await db.ExecuteAsync("CREATE TABLE a (id int PRIMARY KEY)");
        await using var source = await StartAsync(db, Config(db, ("provide.transaction.metadata", "true")));
        await db.ExecuteAsync("BEGIN; INSERT INTO a VALUES (1); INSERT INTO a VALUES (2); COMMIT");

        var records = await source.NextAsync(4);

        Assert.Equal("srv.transaction", records[0].Topic);
        Assert.Equal("BEGIN", ((Struct)records[0].Value!).Get("status"));
        var block = (Struct)((Struct)records[2].Value!).Get("transaction")!;
        Assert.Equal(2L, block.Get("total_order"));
        Assert.Equal(2L, block.Get("data_collection_order"));
        Assert.Equal(((Struct)records[0].Value!).Get("id"), block.Get("id"));
        Assert.Equal("END", ((Struct)records[3].Value!).Get("status"));
        Assert.Equal(2L, ((Struct)records[3].Value!).Get("event_count"));
    }

    internal static string PayloadOf(string json)
    {
        var start = json.IndexOf(",\"payload\":", StringComparison.Ordinal) + ",\"payload\":".Length;
        return json[start..^1];
    }

    internal static string SchemaFieldJson(Schema schema, string field, object? value = null)
    {
        var json = Json(schema, value);
        var marker = $"\"field\":\"{field}\"}}";
        var end = json.IndexOf(marker, StringComparison.Ordinal) + marker.Length;
        var depth = 0;
        for (var i = end - 1; i >= 0; i--)
        {
            depth += json[i] switch { '}' => 1, '{' => -1, _ => 0 };
            if (depth == 0)
            {
                return json[i..end];
            }
        }

        throw new InvalidOperationException($"Field {field} not found in {json}");
    }
}
