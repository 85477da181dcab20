using Serverless.Connect.Data;
using Serverless.Connect.Data.Debezium;

namespace Serverless.Connect.Converters.Avro.Tests;

/// <summary>
/// The registered text must equal what Debezium 2.6+ with Confluent's AvroConverter registers (a schema as seen in the
/// wild for a Postgres table <c>public.users</c>), or an existing subject would get a redundant new version.
/// </summary>
public sealed class DebeziumGoldenSchemaTests
{
    private const string Expected =
        """{"type":"record","name":"Envelope","namespace":"demo.public.users","fields":[{"name":"before","type":["null",{"type":"record","name":"Value","fields":[""" +
        """{"name":"id","type":{"type":"int","connect.default":0},"default":0},{"name":"user_id","type":"string"},""" +
        """{"name":"email","type":["null","string"],"default":null},{"name":"country","type":["null","string"],"default":null},""" +
        """{"name":"created_at","type":[{"type":"long","connect.version":1,"connect.default":0,"connect.name":"io.debezium.time.MicroTimestamp"},"null"],"default":0},""" +
        """{"name":"updated_at","type":[{"type":"long","connect.version":1,"connect.default":0,"connect.name":"io.debezium.time.MicroTimestamp"},"null"],"default":0}],""" +
        "\"connect.name\":\"demo.public.users.Value\"" + """}],"default":null},{"name":"after","type":["null","Value"],"default":null},""" +
        """{"name":"source","type":{"type":"record","name":"Source","namespace":"io.debezium.connector.postgresql","fields":[""" +
        """{"name":"version","type":"string"},{"name":"connector","type":"string"},{"name":"name","type":"string"},{"name":"ts_ms","type":"long"},""" +
        """{"name":"snapshot","type":[{"type":"string","connect.version":1,"connect.parameters":{"allowed":"true,last,false,incremental"},""" +
        "\"connect.default\":\"false\"" + ""","connect.name":"io.debezium.data.Enum"},"null"],"default":"false"},{"name":"db","type":"string"},""" +
        """{"name":"sequence","type":["null","string"],"default":null},{"name":"ts_us","type":["null","long"],"default":null},""" +
        """{"name":"ts_ns","type":["null","long"],"default":null},{"name":"schema","type":"string"},{"name":"table","type":"string"},""" +
        """{"name":"txId","type":["null","long"],"default":null},{"name":"lsn","type":["null","long"],"default":null},""" +
        """{"name":"xmin","type":["null","long"],"default":null}],"connect.name":"io.debezium.connector.postgresql.Source"}},""" +
        """{"name":"transaction","type":["null",{"type":"record","name":"block","namespace":"event","fields":[{"name":"id","type":"string"},""" +
        """{"name":"total_order","type":"long"},{"name":"data_collection_order","type":"long"}],"connect.version":1,"connect.name":"event.block"}],"default":null},""" +
        """{"name":"op","type":"string"},{"name":"ts_ms","type":["null","long"],"default":null},{"name":"ts_us","type":["null","long"],"default":null},""" +
        """{"name":"ts_ns","type":["null","long"],"default":null}],"connect.version":2,"connect.name":"demo.public.users.Envelope"}""";

    [Fact]
    public void PostgresUsersEnvelope_MatchesTheTextConfluentRegisters()
    {
        Assert.Equal(Expected, new AvroData().FromConnectSchema(Envelope()));
    }

    [Fact]
    public void PostgresUsersEnvelope_ReadFromThatText_IsTheDebeziumSchema()
    {
        Assert.Equal(Envelope(), new AvroData().ToConnectSchema(new AvroData().FromConnectSchema(Envelope())));
    }

    private static Schema Envelope()
    {
        var value = SchemaBuilder.Struct().Name("demo.public.users.Value").Optional()
            .Field("id", SchemaBuilder.Int32().DefaultValue(0).Build())
            .Field("user_id", Schema.StringSchema)
            .Field("email", Schema.OptionalStringSchema)
            .Field("country", Schema.OptionalStringSchema)
            .Field("created_at", DebeziumTime.MicroTimestamp().Optional().DefaultValue(0L).Build())
            .Field("updated_at", DebeziumTime.MicroTimestamp().Optional().DefaultValue(0L).Build())
            .Build();
        var source = SchemaBuilder.Struct().Name("io.debezium.connector.postgresql.Source")
            .Field("version", Schema.StringSchema)
            .Field("connector", Schema.StringSchema)
            .Field("name", Schema.StringSchema)
            .Field("ts_ms", Schema.Int64Schema)
            .Field("snapshot", DebeziumData.Enum(["true", "last", "false", "incremental"]).Optional().DefaultValue("false").Build())
            .Field("db", Schema.StringSchema)
            .Field("sequence", Schema.OptionalStringSchema)
            .Field("ts_us", Schema.OptionalInt64Schema)
            .Field("ts_ns", Schema.OptionalInt64Schema)
            .Field("schema", Schema.StringSchema)
            .Field("table", Schema.StringSchema)
            .Field("txId", Schema.OptionalInt64Schema)
            .Field("lsn", Schema.OptionalInt64Schema)
            .Field("xmin", Schema.OptionalInt64Schema)
            .Build();
        var transaction = SchemaBuilder.Struct().Name("event.block").Version(1).Optional()
            .Field("id", Schema.StringSchema)
            .Field("total_order", Schema.Int64Schema)
            .Field("data_collection_order", Schema.Int64Schema)
            .Build();
        return SchemaBuilder.Struct().Name("demo.public.users.Envelope").Version(2)
            .Field("before", value)
            .Field("after", value)
            .Field("source", source)
            .Field("transaction", transaction)
            .Field("op", Schema.StringSchema)
            .Field("ts_ms", Schema.OptionalInt64Schema)
            .Field("ts_us", Schema.OptionalInt64Schema)
            .Field("ts_ns", Schema.OptionalInt64Schema)
            .Build();
    }
}
