using System.Globalization;
using Serverless.Connect.Converters;
using Serverless.Connect.Data;
using Serverless.Connect.Data.Debezium;
using Serverless.Connect.Sources.Postgres.Internal;

namespace Serverless.Connect.Bench.Transforms;

/// <summary>
/// Change events of the seed's <c>orders</c> table as <c>connect cdc</c> writes them with Connect's default converter
/// (JsonConverter, <c>schemas.enable=true</c>: the schema travels in every message): the Debezium envelope with
/// <c>before</c>, <c>after</c>, <c>source</c>, <c>op</c>; a mix of creates, updates (no <c>before</c>, replica
/// identity default) and deletes (key columns only in <c>before</c>), each delete followed by its tombstone.
/// </summary>
internal static class OrderEvents
{
    public const string Topic = "cdc.orders.public.orders";
    private const long CommitMs = 1_796_119_200_000L;

    private static readonly Schema KeySchema = SchemaBuilder.Struct().Name(Topic + ".Key")
        .Field("id", SchemaBuilder.Int32().DefaultValue(0).Build())
        .Build();

    private static readonly Schema RowSchema = SchemaBuilder.Struct().Name(Topic + ".Value").Optional()
        .Field("id", SchemaBuilder.Int32().DefaultValue(0).Build())
        .Field("customer_id", Schema.Int32Schema)
        .Field("total", DebeziumData.PreciseDecimal(10, 2).Build())
        .Field("status", SchemaBuilder.String().DefaultValue("created").Build())
        .Field("rev", SchemaBuilder.Int32().DefaultValue(0).Build())
        .Field("created_at", DebeziumTime.MicroTimestamp().Optional().Build())
        .Field("updated_at", DebeziumTime.ZonedTimestamp().Build())
        .Build();

    // The reader's own Debezium 2.7 schemas, so the input is exactly what `connect cdc` writes.
    private static readonly Schema SourceSchema = DebeziumSchemas.Source;

    private static readonly Schema EnvelopeSchema = DebeziumSchemas.Envelope(Topic + ".Envelope", RowSchema);

    private static readonly string[] s_statuses = ["created", "paid", "shipped", "delivered"];

    /// <summary>Gets how event <paramref name="i"/> of a pool is made: 1 in 20 is a delete (then a tombstone), 3 in 20 updates.</summary>
    public static char Kind(int i) => (i % 20) switch { 0 => 'd', 1 => 't', 2 or 3 or 4 => 'u', _ => 'c' };

    /// <summary>Serializes <paramref name="count"/> events (key, value) with JsonConverter and schemas, as the reader does by default.</summary>
    public static (byte[] Key, byte[]? Value)[] Serialized(int count)
    {
        var converter = new JsonConverter();
        converter.Configure(new Dictionary<string, string> { ["schemas.enable"] = "true" }, isKey: false);
        var keys = new JsonConverter();
        keys.Configure(new Dictionary<string, string> { ["schemas.enable"] = "true" }, isKey: true);
        var events = new (byte[] Key, byte[]? Value)[count];
        for (var i = 0; i < count; i++)
        {
            var id = 100_000 + (Kind(i) == 't' ? i - 1 : i);
            var key = keys.FromConnectData(Topic, null, KeySchema, new StructBuilder(KeySchema).Put("id", id).Build())!;
            events[i] = (key, Kind(i) == 't' ? null : converter.FromConnectData(Topic, null, EnvelopeSchema, Envelope(i, id)));
        }

        return events;
    }

    private static Struct Envelope(int i, int id)
    {
        var kind = Kind(i);
        var commit = CommitMs + i;
        var after = kind == 'd' ? null : Row(i, id);
        // REPLICA IDENTITY DEFAULT: an update has no before image, a delete only the key (other columns at their defaults).
        var before = kind == 'd'
            ? new StructBuilder(RowSchema).Put("id", id).Put("customer_id", 0).Put("total", new ConnectDecimal(0, 2)).Put("status", "created")
                .Put("rev", 0).Put("created_at", null).Put("updated_at", "1970-01-01T00:00:00Z").Build()
            : null;
        var lsn = 40_000_000L + (i * 312L);
        return new StructBuilder(EnvelopeSchema)
            .Put("before", before)
            .Put("after", after)
            .Put("source", new StructBuilder(SourceSchema)
                .Put("version", "2.7.3.Final")
                .Put("connector", "postgresql")
                .Put("name", "cdc.orders")
                .Put("ts_ms", commit)
                .Put("snapshot", "false")
                .Put("db", "orders")
                .Put("sequence", string.Create(CultureInfo.InvariantCulture, $"[\"{lsn - 312}\",\"{lsn}\"]"))
                .Put("ts_us", commit * 1000)
                .Put("ts_ns", commit * 1_000_000)
                .Put("schema", "public")
                .Put("table", "orders")
                .Put("txId", 9000L + (i / 4))
                .Put("lsn", lsn)
                .Put("xmin", null)
                .Build())
            .Put("transaction", null)
            .Put("op", kind.ToString())
            .Put("ts_ms", commit + 7)
            .Put("ts_us", (commit + 7) * 1000)
            .Put("ts_ns", (commit + 7) * 1_000_000)
            .Build();
    }

    private static Struct Row(int i, int id)
    {
        var created = (CommitMs - 86_400_000L + (i * 1000L)) * 1000;
        return new StructBuilder(RowSchema)
            .Put("id", id)
            .Put("customer_id", 1 + (i % 500))
            .Put("total", new ConnectDecimal(1999 + (i * 37L % 100_000), 2))
            .Put("status", s_statuses[i % s_statuses.Length])
            .Put("rev", Kind(i) == 'u' ? 1 + (i % 3) : 0)
            .Put("created_at", created)
            .Put("updated_at", DateTimeOffset.FromUnixTimeMilliseconds(CommitMs + i).ToString("yyyy-MM-dd'T'HH:mm:ss.fff'000Z'", CultureInfo.InvariantCulture))
            .Build();
    }
}
