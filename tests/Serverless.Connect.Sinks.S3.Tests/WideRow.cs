using System.Numerics;
using Serverless.Connect.Data;

namespace Serverless.Connect.Sinks.S3.Tests;

/// <summary>A row with every Connect type the Parquet mapping handles: logical types, optional fields, nested struct, array and map.</summary>
internal static class WideRow
{
    public static readonly Schema Address = SchemaBuilder.Struct().Name("Address")
        .Field("city", Schema.StringSchema)
        .Field("zip", Schema.OptionalInt32Schema)
        .Optional()
        .Build();

    public static readonly Schema Schema = SchemaBuilder.Struct().Name("Order").Version(1)
        .Field("id", Schema.Int64Schema)
        .Field("name", Schema.StringSchema)
        .Field("amount", DecimalSchema.Builder(2).Parameter("connect.decimal.precision", "10").Build())
        .Field("ts", TimestampSchema.Schema)
        .Field("day", DateSchema.Schema)
        .Field("tod", TimeSchema.Schema)
        .Field("flag", Schema.BooleanSchema)
        .Field("score", Schema.OptionalFloat64Schema)
        .Field("small", Schema.Int16Schema)
        .Field("blob", Schema.OptionalBytesSchema)
        .Field("tags", SchemaBuilder.Array(Schema.StringSchema).Optional().Build())
        .Field("attrs", SchemaBuilder.Map(Schema.StringSchema, Schema.Int32Schema).Build())
        .Field("address", Address)
        .Build();

    public static Struct Value(long id, long tsMillis) =>
        new StructBuilder(Schema)
            .Put("id", id)
            .Put("name", $"name-{id}")
            .Put("amount", new ConnectDecimal(new BigInteger(id * 100 + 25), 2))
            .Put("ts", DateTimeOffset.FromUnixTimeMilliseconds(tsMillis))
            .Put("day", DateOnly.FromDateTime(DateTimeOffset.FromUnixTimeMilliseconds(tsMillis).UtcDateTime))
            .Put("tod", new TimeOnly(13, 14, 15, 16))
            .Put("flag", id % 2 == 0)
            .Put("score", id % 3 == 0 ? null : id * 1.5)
            .Put("small", (short)(id % 1000))
            .Put("blob", id % 2 == 0 ? new byte[] { 1, 2, 3 } : null)
            .Put("tags", id % 4 == 0 ? null : new List<object?> { "a", $"t{id}" })
            .Put("attrs", ConnectMap.Create([new KeyValuePair<object, object?>("a", (int)id), new KeyValuePair<object, object?>("b", 2)]))
            .Put("address", id % 5 == 0 ? null : new StructBuilder(Address).Put("city", $"city-{id % 7}").Put("zip", id % 2 == 0 ? (int)id : null).Build())
            .Build();
}
