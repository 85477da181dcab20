using Serverless.Connect.Data;
using Serverless.Connect.TestUtilities;
using static Serverless.Connect.Sources.Postgres.Tests.SourceHarness;
using static Serverless.Connect.Sources.Postgres.Tests.StreamingEventTests;

namespace Serverless.Connect.Sources.Postgres.Tests;

public sealed class TypeMappingTests
{
    // Expected schema and payload JSON per column as Debezium 2.7 writes them with JsonConverter schemas.enable=true.
    public static TheoryData<string, string, string, string> DefaultMappings() => new()
    {
        { "smallint", "7", """{"type":"int16","optional":true,"field":"c"}""", "7" },
        { "integer", "-42", """{"type":"int32","optional":true,"field":"c"}""", "-42" },
        { "bigint", "9007199254740993", """{"type":"int64","optional":true,"field":"c"}""", "9007199254740993" },
        { "real", "1.5", """{"type":"float","optional":true,"field":"c"}""", "1.5" },
        { "double precision", "0.1", """{"type":"double","optional":true,"field":"c"}""", "0.1" },
        { "boolean", "true", """{"type":"boolean","optional":true,"field":"c"}""", "true" },
        { "text", "'hé \"q\"'", """{"type":"string","optional":true,"field":"c"}""", "\"hé \\\"q\\\"\"" },
        { "varchar(10)", "'abc'", """{"type":"string","optional":true,"field":"c"}""", "\"abc\"" },
        { "char(4)", "'ab'", """{"type":"string","optional":true,"field":"c"}""", "\"ab  \"" },
        { "numeric(10,2)", "12.5", """{"type":"bytes","optional":true,"name":"org.apache.kafka.connect.data.Decimal","version":1,"parameters":{"scale":"2","connect.decimal.precision":"10"},"field":"c"}""", "\"BOI=\"" },
        { "numeric", "1.25", """{"type":"struct","fields":[{"type":"int32","optional":false,"field":"scale"},{"type":"bytes","optional":false,"field":"value"}],"optional":true,"name":"io.debezium.data.VariableScaleDecimal","version":1,"doc":"Variable scaled decimal","field":"c"}""", """{"scale":2,"value":"fQ=="}""" },
        { "bytea", "'\\x0102ff'", """{"type":"bytes","optional":true,"field":"c"}""", "\"AQL/\"" },
        { "date", "'2024-01-02'", """{"type":"int32","optional":true,"name":"io.debezium.time.Date","version":1,"field":"c"}""", "19724" },
        { "time", "'12:34:56.789012'", """{"type":"int64","optional":true,"name":"io.debezium.time.MicroTime","version":1,"field":"c"}""", "45296789012" },
        { "time(3)", "'12:34:56.789'", """{"type":"int32","optional":true,"name":"io.debezium.time.Time","version":1,"field":"c"}""", "45296789" },
        { "timestamp", "'2024-01-02 03:04:05.678123'", """{"type":"int64","optional":true,"name":"io.debezium.time.MicroTimestamp","version":1,"field":"c"}""", "1704164645678123" },
        { "timestamp(3)", "'2024-01-02 03:04:05.678'", """{"type":"int64","optional":true,"name":"io.debezium.time.Timestamp","version":1,"field":"c"}""", "1704164645678" },
        { "timestamptz", "'2024-01-02 03:04:05.5+02'", """{"type":"string","optional":true,"name":"io.debezium.time.ZonedTimestamp","version":1,"field":"c"}""", "\"2024-01-02T01:04:05.500000Z\"" },
        { "timestamptz", "'2024-01-02 03:04:05+00'", """{"type":"string","optional":true,"name":"io.debezium.time.ZonedTimestamp","version":1,"field":"c"}""", "\"2024-01-02T03:04:05.000000Z\"" },
        { "timestamptz", "'2024-01-02 03:04:05.123456-01:30'", """{"type":"string","optional":true,"name":"io.debezium.time.ZonedTimestamp","version":1,"field":"c"}""", "\"2024-01-02T04:34:05.123456Z\"" },
        { "timetz", "'10:15:30+02'", """{"type":"string","optional":true,"name":"io.debezium.time.ZonedTime","version":1,"field":"c"}""", "\"08:15:30Z\"" },
        { "interval", "'1 year 2 months 3 days 04:05:06.78'", """{"type":"int64","optional":true,"name":"io.debezium.time.MicroDuration","version":1,"field":"c"}""", "37091106780000" },
        { "uuid", "'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11'", """{"type":"string","optional":true,"name":"io.debezium.data.Uuid","version":1,"field":"c"}""", "\"a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11\"" },
        { "jsonb", "'{\"a\": 1}'", """{"type":"string","optional":true,"name":"io.debezium.data.Json","version":1,"field":"c"}""", "\"{\\\"a\\\": 1}\"" },
        { "json", "'[1,2]'", """{"type":"string","optional":true,"name":"io.debezium.data.Json","version":1,"field":"c"}""", "\"[1,2]\"" },
        { "xml", "'<a/>'", """{"type":"string","optional":true,"name":"io.debezium.data.Xml","version":1,"field":"c"}""", "\"<a/>\"" },
        { "int[]", "'{1,NULL,3}'", """{"type":"array","items":{"type":"int32","optional":true},"optional":true,"field":"c"}""", "[1,null,3]" },
        { "text[]", "'{\"a b\",c}'", """{"type":"array","items":{"type":"string","optional":true},"optional":true,"field":"c"}""", "[\"a b\",\"c\"]" },
        { "inet", "'10.0.0.1'", """{"type":"string","optional":true,"field":"c"}""", "\"10.0.0.1\"" },
        { "int4range", "'[1,5)'", """{"type":"string","optional":true,"field":"c"}""", "\"[1,5)\"" },
        { "mood", "'happy'", """{"type":"string","optional":true,"name":"io.debezium.data.Enum","version":1,"parameters":{"allowed":"sad,happy"},"field":"c"}""", "\"happy\"" },
        { "positive_int", "5", """{"type":"int32","optional":true,"field":"c"}""", "5" },
        { "bit(1)", "B'1'", """{"type":"boolean","optional":true,"field":"c"}""", "true" },
        { "bit(3)", "B'101'", """{"type":"bytes","optional":true,"name":"io.debezium.data.Bits","version":1,"parameters":{"length":"3"},"field":"c"}""", "\"BQ==\"" },
        { "money", "'12.34'", """{"type":"bytes","optional":true,"name":"org.apache.kafka.connect.data.Decimal","version":1,"parameters":{"scale":"2"},"field":"c"}""", "\"BNI=\"" },
        { "oid", "42", """{"type":"int64","optional":true,"field":"c"}""", "42" },
        { "cidr", "'10.0.0.0/8'", """{"type":"string","optional":true,"field":"c"}""", "\"10.0.0.0/8\"" },
        { "macaddr", "'08:00:2b:01:02:03'", """{"type":"string","optional":true,"field":"c"}""", "\"08:00:2b:01:02:03\"" },
        { "tstzrange", "'[2024-01-01 00:00:00+00,2024-01-02 00:00:00+00)'", """{"type":"string","optional":true,"field":"c"}""", "\"[\\\"2024-01-01 00:00:00+00\\\",\\\"2024-01-02 00:00:00+00\\\")\"" },
        { "bigint[]", "'{1,2}'", """{"type":"array","items":{"type":"int64","optional":true},"optional":true,"field":"c"}""", "[1,2]" },
        { "uuid[]", "'{a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11}'", """{"type":"array","items":{"type":"string","optional":true,"name":"io.debezium.data.Uuid","version":1},"optional":true,"field":"c"}""", "[\"a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11\"]" },
        { "timestamp", "'infinity'", """{"type":"int64","optional":true,"name":"io.debezium.time.MicroTimestamp","version":1,"field":"c"}""", "9223372036825200000" },
        { "date", "'1969-12-31'", """{"type":"int32","optional":true,"name":"io.debezium.time.Date","version":1,"field":"c"}""", "-1" },
    };

    [Theory]
    [MemberData(nameof(DefaultMappings))]
    public async Task Column_type_maps_like_Debezium(string type, string literal, string schemaJson, string payloadJson)
    {
        await using var db = await TestDatabase.CreateAsync();
        await db.ExecuteAsync(
            "CREATE TYPE mood AS ENUM ('sad', 'happy'); CREATE DOMAIN positive_int AS int CHECK (VALUE > 0);" +
            $"CREATE TABLE t (id int PRIMARY KEY, c {type})");
        await using var source = await StartAsync(db, Config(db));
        await db.ExecuteAsync($"INSERT INTO t VALUES (1, {literal})");

        var after = After(await source.NextAsync());

        Assert.Equal(schemaJson, SchemaFieldJson(after.Schema, "c"));
        Assert.Equal("{\"id\":1,\"c\":" + payloadJson + "}", PayloadOf(Json(after.Schema, after)));
    }

    public static TheoryData<string, string, string, string, string, string> ModeMappings() => new()
    {
        { "decimal.handling.mode", "double", "numeric(10,2)", "12.5", """{"type":"double","optional":true,"field":"c"}""", "12.5" },
        { "decimal.handling.mode", "string", "numeric(10,2)", "12.5", """{"type":"string","optional":true,"field":"c"}""", "\"12.50\"" },
        { "binary.handling.mode", "base64", "bytea", "'\\x0102ff'", """{"type":"string","optional":true,"field":"c"}""", "\"AQL/\"" },
        { "binary.handling.mode", "hex", "bytea", "'\\x0102ff'", """{"type":"string","optional":true,"field":"c"}""", "\"0102ff\"" },
        { "binary.handling.mode", "base64-url-safe", "bytea", "'\\xfbff'", """{"type":"string","optional":true,"field":"c"}""", "\"-_8=\"" },
        { "time.precision.mode", "connect", "timestamp", "'2024-01-02 03:04:05.678123'", """{"type":"int64","optional":true,"name":"org.apache.kafka.connect.data.Timestamp","version":1,"field":"c"}""", "1704164645678" },
        { "time.precision.mode", "connect", "date", "'2024-01-02'", """{"type":"int32","optional":true,"name":"org.apache.kafka.connect.data.Date","version":1,"field":"c"}""", "19724" },
        { "time.precision.mode", "adaptive_time_microseconds", "time(3)", "'00:00:01.5'", """{"type":"int64","optional":true,"name":"io.debezium.time.MicroTime","version":1,"field":"c"}""", "1500000" },
        { "interval.handling.mode", "string", "interval", "'1 year 2 months 3 days 04:05:06.78'", """{"type":"string","optional":true,"name":"io.debezium.time.Interval","version":1,"field":"c"}""", "\"P1Y2M3DT4H5M6.78S\"" },
    };

    [Theory]
    [MemberData(nameof(ModeMappings))]
    public async Task Handling_modes_change_the_mapping(string key, string mode, string type, string literal, string schemaJson, string payloadJson)
    {
        await using var db = await TestDatabase.CreateAsync();
        await db.ExecuteAsync($"CREATE TABLE t (id int PRIMARY KEY, c {type})");
        await using var source = await StartAsync(db, Config(db, (key, mode)));
        await db.ExecuteAsync($"INSERT INTO t VALUES (1, {literal})");

        var after = After(await source.NextAsync());

        Assert.Equal(schemaJson, SchemaFieldJson(after.Schema, "c"));
        Assert.Equal("{\"id\":1,\"c\":" + payloadJson + "}", PayloadOf(Json(after.Schema, after)));
    }

    public static TheoryData<string, string, string, string, string> ExtensionMappings() => new()
    {
        { "json", "hstore", "'a=>1, b=>NULL'", """{"type":"string","optional":true,"name":"io.debezium.data.Json","version":1,"field":"c"}""", "\"{\\\"a\\\":\\\"1\\\",\\\"b\\\":null}\"" },
        { "map", "hstore", "'a=>1'", """{"type":"map","keys":{"type":"string","optional":false},"values":{"type":"string","optional":true},"optional":true,"field":"c"}""", """{"a":"1"}""" },
        { "json", "citext", "'MiXed'", """{"type":"string","optional":true,"field":"c"}""", "\"MiXed\"" },
        { "json", "ltree", "'a.b.c'", """{"type":"string","optional":true,"name":"io.debezium.data.Ltree","version":1,"field":"c"}""", "\"a.b.c\"" },
    };

    [Theory]
    [MemberData(nameof(ExtensionMappings))]
    public async Task Extension_types_map_like_Debezium(string hstoreMode, string type, string literal, string schemaJson, string payloadJson)
    {
        await using var db = await TestDatabase.CreateAsync();
        await db.ExecuteAsync($"CREATE EXTENSION {type}; CREATE TABLE t (id int PRIMARY KEY, c {type})");
        await using var source = await StartAsync(db, Config(db, ("hstore.handling.mode", hstoreMode)));
        await db.ExecuteAsync($"INSERT INTO t VALUES (1, {literal})");

        var after = After(await source.NextAsync());

        Assert.Equal(schemaJson, SchemaFieldJson(after.Schema, "c"));
        Assert.Equal("{\"id\":1,\"c\":" + payloadJson + "}", PayloadOf(Json(after.Schema, after)));
    }

    [Fact]
    public async Task Column_defaults_appear_in_the_schemas_and_serial_defaults_are_zero()
    {
        await using var db = await TestDatabase.CreateAsync();
        await db.ExecuteAsync("""
            CREATE TABLE t (id serial PRIMARY KEY, name text NOT NULL DEFAULT 'it''s', qty int DEFAULT -5, ok boolean DEFAULT true,
                created timestamptz DEFAULT now(), price numeric(6,2) DEFAULT 1.5)
            """);
        await using var source = await StartAsync(db, Config(db));
        await db.ExecuteAsync("INSERT INTO t DEFAULT VALUES");

        var record = await source.NextAsync();
        var schema = After(record).Schema;

        Assert.Equal("""{"type":"int32","optional":false,"default":0,"field":"id"}""", SchemaFieldJson(record.KeySchema!, "id", record.Key));
        Assert.Equal("""{"type":"string","optional":false,"default":"it's","field":"name"}""", SchemaFieldJson(schema, "name"));
        Assert.Equal("""{"type":"int32","optional":true,"default":-5,"field":"qty"}""", SchemaFieldJson(schema, "qty"));
        Assert.Equal("""{"type":"boolean","optional":true,"default":true,"field":"ok"}""", SchemaFieldJson(schema, "ok"));
        Assert.Equal("""{"type":"string","optional":true,"name":"io.debezium.time.ZonedTimestamp","version":1,"field":"created"}""", SchemaFieldJson(schema, "created"));
        Assert.Equal(
            """{"type":"bytes","optional":true,"name":"org.apache.kafka.connect.data.Decimal","version":1,"parameters":{"scale":"2","connect.decimal.precision":"6"},"default":"AJY=","field":"price"}""",
            SchemaFieldJson(schema, "price"));
    }

    [Fact]
    public async Task Not_null_columns_are_required_and_key_schema_holds_only_primary_key_columns()
    {
        await using var db = await TestDatabase.CreateAsync();
        await db.ExecuteAsync("CREATE TABLE t (a int, b text NOT NULL, c bigint, PRIMARY KEY (c, a))");
        await using var source = await StartAsync(db, Config(db));
        await db.ExecuteAsync("INSERT INTO t VALUES (1, 'x', 2)");

        var record = await source.NextAsync();

        Assert.Equal(
            """{"schema":{"type":"struct","fields":[{"type":"int64","optional":false,"field":"c"},{"type":"int32","optional":false,"field":"a"}],"optional":false,"name":"srv.public.t.Key"},"payload":{"c":2,"a":1}}""",
            Json(record.KeySchema, record.Key));
        Assert.Equal("""{"type":"string","optional":false,"field":"b"}""", SchemaFieldJson(After(record).Schema, "b"));
    }
}
