using Serverless.Connect.Data;

namespace Serverless.Connect.TestData;

/// <summary>
/// The 10-column rows the Parquet figures are measured on (long, ints, strings, decimal, double, boolean, timestamp, an
/// optional string): one definition for the harness's <c>s3</c> scenario and the BenchmarkDotNet Parquet benchmark, so
/// their figures describe the same data. Linked into both projects as source.
/// </summary>
internal static class ParquetSampleRows
{
    public static readonly Schema Schema = SchemaBuilder.Struct().Name("Row")
        .Field("id", Data.Schema.Int64Schema)
        .Field("customer", Data.Schema.Int32Schema)
        .Field("name", Data.Schema.StringSchema)
        .Field("city", Data.Schema.StringSchema)
        .Field("amount", DecimalSchema.Builder(2).Parameter("connect.decimal.precision", "12").Build())
        .Field("score", Data.Schema.Float64Schema)
        .Field("active", Data.Schema.BooleanSchema)
        .Field("created", TimestampSchema.Schema)
        .Field("quantity", Data.Schema.Int32Schema)
        .Field("note", Data.Schema.OptionalStringSchema)
        .Build();

    private static readonly string[] s_cities = ["Amsterdam", "Berlin", "Chicago", "Dublin", "Edinburgh", "Frankfurt", "Geneva", "Helsinki"];

    public static Struct Row(long i) => new StructBuilder(Schema)
        .Put("id", i)
        .Put("customer", (int)(i % 5000))
        .Put("name", "customer-" + (i % 5000))
        .Put("city", s_cities[i % s_cities.Length])
        .Put("amount", new ConnectDecimal(i * 37L % 1_000_000, 2))
        .Put("score", i * 0.25)
        .Put("active", i % 3 == 0)
        .Put("created", DateTimeOffset.FromUnixTimeMilliseconds(1_714_521_600_000 + (i * 10L)))
        .Put("quantity", (int)(i % 100))
        .Put("note", i % 4 == 0 ? null : "note " + (i % 97))
        .Build();
}
