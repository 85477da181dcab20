using System.Text.Json;
using Serverless.Connect.Data;
using Serverless.Connect.Sinks;
using Serverless.Connect.TestUtilities;

namespace Serverless.Connect.Sinks.S3.Tests;

public sealed class ParquetFormatTests
{
    private const long BaseTs = 1_714_568_400_000; // 2024-05-01T13:00:00Z

    [Fact]
    public async Task Parquet_columns_have_Connect_types_and_values_read_back_by_DuckDB()
    {
        await using var bucket = await TestBucket.CreateAsync();
        await using (var task = S3TestSupport.Task(bucket, S3TestSupport.Config(bucket, S3TestSupport.Parquet, 6)))
        {
            var records = Enumerable.Range(0, 6).Select(i => S3TestSupport.Record("orders", 3, 100 + i, WideRow.Schema, WideRow.Value(i, BaseTs + i))).ToList();
            var outcomes = await task.PutAsync(records, CancellationToken.None);
            Assert.All(outcomes, o => Assert.Equal(SinkRecordStatus.Written, o.Status));
        }

        var (dir, keys) = await S3TestSupport.DownloadAsync(bucket, "topics/");
        Assert.Equal(["topics/orders/partition=3/orders+3+0000000100.snappy.parquet"], keys);
        var file = Path.Combine(dir, keys[0]);

        var types = (await DuckDb.QueryAsync($"DESCRIBE SELECT * FROM read_parquet('{file}')"))
            .ToDictionary(r => r.GetProperty("column_name").GetString()!, r => r.GetProperty("column_type").GetString()!);
        Assert.Equal("BIGINT", types["id"]);
        Assert.Equal("VARCHAR", types["name"]);
        Assert.Equal("DECIMAL(10,2)", types["amount"]);
        Assert.Equal("TIMESTAMP WITH TIME ZONE", types["ts"]);
        Assert.Equal("DATE", types["day"]);
        Assert.StartsWith("TIME", types["tod"], StringComparison.Ordinal);
        Assert.Equal("BOOLEAN", types["flag"]);
        Assert.Equal("DOUBLE", types["score"]);
        Assert.Equal("SMALLINT", types["small"]);
        Assert.Equal("BLOB", types["blob"]);
        Assert.Equal("VARCHAR[]", types["tags"]);
        Assert.Equal("MAP(VARCHAR, INTEGER)", types["attrs"]);
        Assert.Equal("STRUCT(city VARCHAR, zip INTEGER)", types["address"]);

        // Physical types: timestamps are INT64 with a TIMESTAMP logical type (never INT96); optionality follows Connect.
        var schema = (await DuckDb.QueryAsync($"SELECT name, type, repetition_type, CAST(logical_type AS VARCHAR) AS logical FROM parquet_schema('{file}')"))
            .GroupBy(r => r.GetProperty("name").GetString()!).ToDictionary(g => g.Key, g => g.First());
        Assert.Equal("INT64", schema["ts"].GetProperty("type").GetString());
        Assert.Contains("Timestamp", schema["ts"].GetProperty("logical").GetString() ?? "", StringComparison.OrdinalIgnoreCase);
        Assert.Equal("REQUIRED", schema["id"].GetProperty("repetition_type").GetString());
        Assert.Equal("OPTIONAL", schema["score"].GetProperty("repetition_type").GetString());
        Assert.Equal("OPTIONAL", schema["zip"].GetProperty("repetition_type").GetString());
        Assert.Equal("REQUIRED", schema["city"].GetProperty("repetition_type").GetString());

        var rows = await DuckDb.QueryAsync(
            $"SELECT id, name, CAST(amount AS VARCHAR) AS amount, epoch_ms(ts) AS ts, CAST(day AS VARCHAR) AS day, CAST(tod AS VARCHAR) AS tod, flag, score, small, " +
            $"blob IS NULL AS no_blob, tags, attrs['a'] AS a, address.city AS city, address.zip AS zip, address IS NULL AS no_address " +
            $"FROM read_parquet('{file}') ORDER BY id");
        Assert.Equal(6, rows.Count);
        for (var i = 0; i < 6; i++)
        {
            var row = rows[i];
            Assert.Equal(i, long.Parse(row.GetProperty("id").ToString(), System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal($"name-{i}", row.GetProperty("name").GetString());
            Assert.Equal(((i * 100 + 25) / 100m).ToString("0.00", System.Globalization.CultureInfo.InvariantCulture), row.GetProperty("amount").GetString());
            Assert.Equal(BaseTs + i, long.Parse(row.GetProperty("ts").ToString(), System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal("2024-05-01", row.GetProperty("day").GetString());
            Assert.Equal("13:14:15.016+00", row.GetProperty("tod").GetString());
            Assert.Equal(i % 2 == 0, row.GetProperty("flag").GetBoolean());
            if (i % 3 == 0)
            {
                Assert.Equal(JsonValueKind.Null, row.GetProperty("score").ValueKind);
            }
            else
            {
                Assert.Equal(i * 1.5, row.GetProperty("score").GetDouble());
            }

            Assert.Equal(i, row.GetProperty("small").GetInt32());
            Assert.Equal(i % 2 != 0, row.GetProperty("no_blob").GetBoolean());
            if (i % 4 == 0)
            {
                Assert.Equal(JsonValueKind.Null, row.GetProperty("tags").ValueKind);
            }
            else
            {
                Assert.Equal(new[] { "a", $"t{i}" }, row.GetProperty("tags").EnumerateArray().Select(e => e.GetString()!).ToArray());
            }

            Assert.Equal(i, row.GetProperty("a").GetInt32());
            Assert.Equal(i % 5 == 0, row.GetProperty("no_address").GetBoolean());
            if (i % 5 != 0)
            {
                Assert.Equal($"city-{i % 7}", row.GetProperty("city").GetString());
                Assert.Equal(i % 2 == 0 ? JsonValueKind.Number : JsonValueKind.Null, row.GetProperty("zip").ValueKind);
            }
        }
    }

    [Fact]
    public async Task Schemaless_value_is_rejected_for_Parquet_with_a_clear_error_and_nothing_is_lost()
    {
        await using var bucket = await TestBucket.CreateAsync();
        await using var task = S3TestSupport.Task(bucket, S3TestSupport.Config(bucket, S3TestSupport.Parquet, 10));
        var map = ConnectMap.Create([new KeyValuePair<object, object?>("a", 1L)]);
        var outcomes = await task.PutAsync([S3TestSupport.Record("logs", 0, 7, null, map)], CancellationToken.None);
        var outcome = Assert.Single(outcomes);
        Assert.Equal(SinkRecordStatus.Malformed, outcome.Status);
        Assert.Contains("Schemaless values cannot be written as Parquet", outcome.Error!.Message, StringComparison.Ordinal);
        Assert.Contains("logs-0@7", outcome.Error.Message, StringComparison.Ordinal);
        Assert.Empty(await S3TestSupport.KeysAsync(bucket));
    }

    [Fact]
    public async Task Schema_change_rotates_the_file_under_NONE_compatibility()
    {
        await using var bucket = await TestBucket.CreateAsync();
        var v1 = SchemaBuilder.Struct().Name("R").Version(1).Field("a", Schema.Int32Schema).Build();
        var v2 = SchemaBuilder.Struct().Name("R").Version(2).Field("a", Schema.Int32Schema).Field("b", Schema.OptionalStringSchema).Build();
        await using (var task = S3TestSupport.Task(bucket, S3TestSupport.Config(bucket, S3TestSupport.Parquet, 100)))
        {
            var records = new List<ConnectRecord>
            {
                S3TestSupport.Record("t", 0, 0, v1, new StructBuilder(v1).Put("a", 1).Build()),
                S3TestSupport.Record("t", 0, 1, v1, new StructBuilder(v1).Put("a", 2).Build()),
                S3TestSupport.Record("t", 0, 2, v2, new StructBuilder(v2).Put("a", 3).Put("b", "x").Build()),
            };
            await task.PutAsync(records, CancellationToken.None);
            var committed = await task.PreCommitAsync(new Dictionary<SinkPartition, long> { [new("t", 0)] = 3 }, CancellationToken.None);
            Assert.Equal(2, committed[new("t", 0)]);
        }

        Assert.Equal(["topics/t/partition=0/t+0+0000000000.snappy.parquet"], await S3TestSupport.KeysAsync(bucket));
    }

    [Fact]
    public async Task Many_distinct_schemas_keep_the_schema_cache_bounded()
    {
        await using var bucket = await TestBucket.CreateAsync();
        await using var task = S3TestSupport.Task(bucket, S3TestSupport.Config(bucket, S3TestSupport.Parquet, 1, ("schema.cache.size", "16")));
        for (var i = 0; i < 60; i++)
        {
            var schema = SchemaBuilder.Struct().Name("R").Field("f" + i, Schema.Int32Schema).Build();
            var outcomes = await task.PutAsync([S3TestSupport.Record("t", 0, i, schema, new StructBuilder(schema).Put("f" + i, i).Build())], CancellationToken.None);
            Assert.Equal(SinkRecordStatus.Written, outcomes[0].Status);
            Assert.InRange(task.CachedParquetSchemas, 1, 16);
        }

        Assert.Equal(60, (await S3TestSupport.KeysAsync(bucket)).Count);
    }
}
