using System.Text;
using System.Text.Json.Nodes;
using Serverless.Connect.Data;
using Serverless.Connect.Sinks.Elasticsearch.Internal;

namespace Serverless.Connect.Sinks.Elasticsearch.Tests;

public sealed class IndexMappingTests : SinkFixture
{
    private static readonly Schema Schema = SchemaBuilder.Struct().Name("shop.Order")
        .Field("id", Data.Schema.Int32Schema)
        .Field("small", Data.Schema.Int8Schema)
        .Field("name", Data.Schema.OptionalStringSchema)
        .Field("price", DecimalSchema.Builder(2).Optional().Build())
        .Field("at", TimestampSchema.Schema)
        .Field("day", DateSchema.Builder().Optional().Build())
        .Field("ratio", SchemaBuilder.Float64().DefaultValue(0.5).Build())
        .Field("ok", Data.Schema.BooleanSchema)
        .Field("raw", Data.Schema.OptionalBytesSchema)
        .Field("tags", SchemaBuilder.Array(Data.Schema.StringSchema).Optional().Build())
        .Field("attrs", SchemaBuilder.Map(Data.Schema.StringSchema, Data.Schema.Int64Schema).Optional().Build())
        .Build();

    private const string ExpectedMapping =
        "{\"properties\":{\"id\":{\"type\":\"integer\"},\"small\":{\"type\":\"byte\"},"
        + "\"name\":{\"type\":\"text\",\"fields\":{\"keyword\":{\"type\":\"keyword\",\"ignore_above\":256}}},"
        + "\"price\":{\"type\":\"double\"},\"at\":{\"type\":\"date\"},\"day\":{\"type\":\"date\"},"
        + "\"ratio\":{\"type\":\"double\",\"null_value\":0.5},\"ok\":{\"type\":\"boolean\"},\"raw\":{\"type\":\"binary\"},"
        + "\"tags\":{\"type\":\"text\",\"fields\":{\"keyword\":{\"type\":\"keyword\",\"ignore_above\":256}}},"
        + "\"attrs\":{\"properties\":{\"key\":{\"type\":\"text\",\"fields\":{\"keyword\":{\"type\":\"keyword\",\"ignore_above\":256}}},"
        + "\"value\":{\"type\":\"long\"}}}}}";

    private static ConnectRecord Order(long offset) => new(
        "Shop", 0, Data.Schema.StringSchema, "o" + offset, Schema,
        new StructBuilder(Schema).Put("id", 1).Put("small", (sbyte)2).Put("name", "n").Put("price", ConnectDecimal.Parse("1.25"))
            .Put("at", DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_000_000)).Put("ratio", 1.0).Put("ok", true).Build())
    { KafkaOffset = offset };

    [Fact]
    public void Mapping_follows_confluent_types()
    {
        Assert.Equal(ExpectedMapping, Encoding.UTF8.GetString(MappingBuilder.Build(Schema)));
    }

    [Fact]
    public async Task First_write_creates_the_index_and_puts_the_mapping_once()
    {
        var task = CreateTask();

        await task.PutAsync([Order(1)]);
        var outcomes = await task.PutAsync([Order(2)]);

        Assert.Equal(SinkRecordStatus.Written, Assert.Single(outcomes).Status);
        Assert.Equal(["PUT shop", "GET shop/_mapping", "PUT shop/_mapping"], Server.ManagementCalls);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(ExpectedMapping), Server.Cluster.Find("shop")!.ExplicitMapping));
        Assert.Empty(Server.Violations);
    }

    [Fact]
    public async Task Existing_index_and_mapping_are_kept()
    {
        await CreateTask().PutAsync([Order(1)]);
        var second = CreateTask();

        var outcome = Assert.Single(await second.PutAsync([Order(2)]));

        Assert.Equal(SinkRecordStatus.Written, outcome.Status);
        Assert.Equal(["PUT shop", "GET shop/_mapping", "PUT shop/_mapping", "PUT shop", "GET shop/_mapping"], Server.ManagementCalls);
    }

    [Fact]
    public async Task Ignored_schemas_only_create_the_index()
    {
        var task = CreateTask(("topic.schema.ignore", "Shop"));

        await task.PutAsync([Order(1)]);

        Assert.Equal(["PUT shop"], Server.ManagementCalls);
        Assert.Null(Server.Cluster.Find("shop")!.ExplicitMapping);
    }
}
