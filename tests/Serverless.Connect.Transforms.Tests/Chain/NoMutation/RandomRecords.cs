using System.Numerics;
using Serverless.Connect.Data;

namespace Serverless.Connect.Transforms.Tests.Chain.NoMutation;

/// <summary>
/// Random records for the no-mutation property: schemaless and with schema, nested structs, arrays and maps, nulls,
/// defaults, headers, Debezium change events and outbox rows. Values deliberately use mutable .NET containers
/// (<c>object[]</c>, <see cref="List{T}"/>, <see cref="Dictionary{TKey,TValue}"/>, <c>byte[]</c>) so in-place writes show.
/// </summary>
internal sealed class RandomRecords(Random random)
{
    /// <summary>Field names shared with the config generators, so configured fields often exist.</summary>
    public static readonly string[] FieldNames = ["id", "name", "amount", "ts", "nested", "tags", "attrs", "flag", "data", "op"];

    public static readonly string[] HeaderNames = ["h1", "trace", "id", "op", "flag"];

    public static readonly string[] Topics = ["orders", "db.inventory.customers", "prod-orders", "a.b.c", "outbox"];

    private static readonly string[] s_strings = ["", "x", "hello world", "2019-08-23", "14:34:54.346Z", "1234", "true", "ünïcødé", "a,b:c"];

    public ConnectRecord Next() => random.Next(10) switch
    {
        < 4 => WithSchemas(),
        < 7 => Schemaless(),
        < 9 => ChangeEvent(outbox: false),
        _ => ChangeEvent(outbox: true),
    };

    public T Pick<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];

    public bool Chance(int percent) => random.Next(100) < percent;

    private ConnectRecord WithSchemas()
    {
        var keySchema = Chance(50) ? NextSchema(2) : null;
        var valueSchema = Chance(80) ? StructSchema(0) : NextSchema(0);
        var key = keySchema is null ? NextSchemaless(2) : NextValue(keySchema, 2);
        var value = Chance(10) && valueSchema.IsOptional ? null : NextValue(valueSchema, 0);
        return Envelope(keySchema, key, valueSchema, value);
    }

    private ConnectRecord Schemaless() =>
        Envelope(null, NextSchemaless(2), null, Chance(10) ? null : SchemalessMap(0));

    private ConnectRecord Envelope(Schema? keySchema, object? key, Schema? valueSchema, object? value) =>
        new(Pick(Topics), Chance(80) ? random.Next(4) : null, keySchema, key, valueSchema, value, Chance(85) ? 1_483_425_001_864L + random.Next() : null, NextHeaders())
        {
            KafkaOffset = Chance(50) ? random.Next(1000) : -1,
        };

    private Schema NextSchema(int depth)
    {
        var kind = random.Next(depth >= 2 ? 13 : 16);
        var builder = kind switch
        {
            0 => SchemaBuilder.Int8(),
            1 => SchemaBuilder.Int16(),
            2 => SchemaBuilder.Int32(),
            3 => SchemaBuilder.Int64(),
            4 => SchemaBuilder.Float32(),
            5 => SchemaBuilder.Float64(),
            6 => SchemaBuilder.Bool(),
            7 or 8 => SchemaBuilder.String(),
            9 => SchemaBuilder.Bytes(),
            10 => DateSchema.Builder(),
            11 => Chance(50) ? TimeSchema.Builder() : TimestampSchema.Builder(),
            12 => DecimalSchema.Builder(2),
            13 => SchemaBuilder.Array(NextSchema(depth + 1)),
            14 => SchemaBuilder.Map(Chance(70) ? Schema.StringSchema : Schema.Int32Schema, NextSchema(depth + 1)),
            _ => SchemaBuilder.CopyOf(StructSchema(depth + 1)),
        };
        if (Chance(40))
        {
            builder.Optional();
        }

        if (kind <= 8 && Chance(25))
        {
            builder.DefaultValue(Primitive(builder.Build()));
        }

        return builder.Build();
    }

    private Schema StructSchema(int depth)
    {
        var builder = SchemaBuilder.Struct();
        if (Chance(50))
        {
            builder.Name(Chance(50) ? "com.example.Row" : "srv.public.orders.Value").Version(Chance(50) ? 1 : null);
        }

        foreach (var name in FieldNames.OrderBy(_ => random.Next()).Take(random.Next(depth >= 2 ? 3 : 6)))
        {
            builder.Field(name, NextSchema(depth + 1));
        }

        if (Chance(20))
        {
            builder.Optional();
        }

        return builder.Build();
    }

    private object? NextValue(Schema schema, int depth)
    {
        if (schema.IsOptional && Chance(20))
        {
            return null;
        }

        switch (schema.Type)
        {
            case SchemaType.Array:
                var items = Enumerable.Range(0, random.Next(4)).Select(_ => NextValue(schema.ValueSchema!, depth + 1)).ToList();
                return Chance(50) ? items : items.ToArray();
            case SchemaType.Map:
                var map = new Dictionary<object, object?>();
                for (var i = random.Next(4); i > 0; i--)
                {
                    map[NextValue(schema.KeySchema!, depth + 1)!] = NextValue(schema.ValueSchema!, depth + 1);
                }

                return Chance(70) ? map : ConnectMap.Create(map);
            case SchemaType.Struct:
                var builder = new StructBuilder(schema);
                foreach (var field in schema.Fields)
                {
                    builder.Put(field, NextValue(field.Schema, depth + 1));
                }

                return builder.Build();
            default:
                return Primitive(schema);
        }
    }

    private object Primitive(Schema schema) => schema.Name switch
    {
        DateSchema.LogicalName => DateOnly.FromDayNumber(719_162 + random.Next(-1000, 30_000)),
        TimeSchema.LogicalName => TimeOnly.FromTimeSpan(TimeSpan.FromMilliseconds(random.Next(86_400_000))),
        TimestampSchema.LogicalName => DateTimeOffset.FromUnixTimeMilliseconds(random.NextInt64(-100_000_000_000L, 4_000_000_000_000L)),
        DecimalSchema.LogicalName => new ConnectDecimal(new BigInteger(random.NextInt64(-1_000_000, 1_000_000)), 2),
        _ => schema.Type switch
        {
            SchemaType.Int8 => (sbyte)random.Next(sbyte.MinValue, sbyte.MaxValue + 1),
            SchemaType.Int16 => (short)random.Next(short.MinValue, short.MaxValue + 1),
            SchemaType.Int32 => Chance(20) ? int.MaxValue : random.Next(-1000, 1000),
            SchemaType.Int64 => Chance(20) ? long.MinValue : random.NextInt64(-10_000_000_000L, 10_000_000_000L),
            SchemaType.Float32 => Chance(10) ? float.NaN : (float)(random.NextDouble() * 1000 - 500),
            SchemaType.Float64 => Chance(10) ? double.NegativeInfinity : random.NextDouble() * 1e6,
            SchemaType.Boolean => Chance(50),
            SchemaType.String => Pick(s_strings),
            SchemaType.Bytes => Bytes(),
            _ => throw new InvalidOperationException($"Not a primitive: {schema}"),
        },
    };

    private byte[] Bytes()
    {
        var bytes = new byte[random.Next(5)];
        random.NextBytes(bytes);
        return bytes;
    }

    private object? NextSchemaless(int depth) => random.Next(depth >= 3 ? 8 : 11) switch
    {
        0 => null,
        1 => random.NextInt64(-1000, 1000),
        2 => random.Next(),
        3 => random.NextDouble(),
        4 or 5 => Pick(s_strings),
        6 => Chance(50),
        7 => Bytes(),
        8 => Enumerable.Range(0, random.Next(4)).Select(_ => NextSchemaless(depth + 1)).ToList(),
        9 => Enumerable.Range(0, random.Next(4)).Select(_ => NextSchemaless(depth + 1)).ToArray(),
        _ => SchemalessMap(depth + 1),
    };

    private object SchemalessMap(int depth)
    {
        var map = new Dictionary<object, object?>();
        foreach (var name in FieldNames.OrderBy(_ => random.Next()).Take(random.Next(6)))
        {
            map[name] = NextSchemaless(depth + 1);
        }

        return Chance(70) ? map : ConnectMap.Create(map);
    }

    private ConnectHeaders NextHeaders()
    {
        var headers = new List<ConnectHeader>();
        for (var i = random.Next(4); i > 0; i--)
        {
            var name = Pick(HeaderNames);
            headers.Add(random.Next(3) switch
            {
                0 => new ConnectHeader(name, Schema.StringSchema, Pick(s_strings)),
                1 => new ConnectHeader(name, Schema.OptionalInt32Schema, Chance(30) ? null : random.Next()),
                _ => new ConnectHeader(name, null, NextSchemaless(2)),
            });
        }

        return ConnectHeaders.Create(headers);
    }

    private ConnectRecord ChangeEvent(bool outbox)
    {
        var table = outbox ? "outbox" : "orders";
        var row = outbox
            ? SchemaBuilder.Struct().Name($"srv.public.{table}.Value")
                .Field("id", Schema.StringSchema).Field("aggregatetype", Schema.StringSchema).Field("aggregateid", Schema.StringSchema)
                .Field("type", Schema.StringSchema).Field("payload", Schema.OptionalStringSchema).Optional().Build()
            : SchemaBuilder.Struct().Name($"srv.public.{table}.Value")
                .Field("id", Schema.Int32Schema).Field("name", SchemaBuilder.String().Optional().DefaultValue("n/a").Build())
                .Field("tags", SchemaBuilder.Array(Schema.StringSchema).Optional().Build()).Optional().Build();
        var source = SchemaBuilder.Struct().Name("io.debezium.connector.postgresql.Source")
            .Field("version", Schema.StringSchema).Field("connector", Schema.StringSchema).Field("name", Schema.StringSchema)
            .Field("ts_ms", Schema.Int64Schema).Field("db", Schema.StringSchema).Field("schema", Schema.StringSchema)
            .Field("table", Schema.StringSchema).Field("lsn", Schema.OptionalInt64Schema).Build();
        var envelope = SchemaBuilder.Struct().Name($"srv.public.{table}.Envelope").Version(1)
            .Field("before", row).Field("after", row).Field("source", source).Field("op", Schema.StringSchema)
            .Field("ts_ms", Schema.OptionalInt64Schema).Optional().Build();
        var keySchema = SchemaBuilder.Struct().Name($"srv.public.{table}.Key").Field("id", outbox ? Schema.StringSchema : Schema.Int32Schema).Build();
        var op = Pick(["c", "u", "d", "r"]);
        var before = op is "u" or "d" && Chance(80) ? Row(row, outbox) : null;
        var after = op == "d" ? null : Row(row, outbox);
        var sourceValue = new StructBuilder(source).Put("version", "2.7.0.Final").Put("connector", "postgresql").Put("name", "srv")
            .Put("ts_ms", 1_700_000_000_000L).Put("db", "app").Put("schema", "public").Put("table", table)
            .Put("lsn", Chance(50) ? 123_456L : null).Build();
        var id = ((Struct?)after ?? (Struct?)before)?.Get("id") ?? (outbox ? "e0" : 0);
        var key = new StructBuilder(keySchema).Put("id", id).Build();
        var tombstone = Chance(10);
        var value = tombstone
            ? null
            : new StructBuilder(envelope).Put("before", before).Put("after", after).Put("source", sourceValue).Put("op", op)
                .Put("ts_ms", 1_700_000_000_123L).Build();
        return new ConnectRecord($"srv.public.{table}", 0, keySchema, key, tombstone ? null : envelope, value, 1_700_000_000_500L, NextHeaders())
        {
            KafkaOffset = random.Next(1000),
        };
    }

    private Struct Row(Schema row, bool outbox)
    {
        var builder = new StructBuilder(row);
        if (outbox)
        {
            return builder.Put("id", "e" + random.Next(100)).Put("aggregatetype", Pick(["order", "customer"])).Put("aggregateid", random.Next(10).ToString(System.Globalization.CultureInfo.InvariantCulture))
                .Put("type", Pick(["OrderCreated", "OrderShipped"])).Put("payload", Pick<string?>(["{\"order_id\":\"123\",\"lines\":[1,2]}", "{}", "[]", null, "not json"])).Build();
        }

        return builder.Put("id", random.Next(1000)).Put("name", Chance(30) ? null : Pick(s_strings))
            .Put("tags", Chance(30) ? null : new List<object?> { "a", "b" }).Build();
    }
}
