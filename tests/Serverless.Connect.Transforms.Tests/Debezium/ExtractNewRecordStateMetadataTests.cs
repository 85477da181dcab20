using Serverless.Connect.Configuration.Validation;
using Serverless.Connect.Data;
using Serverless.Connect.Errors;
using static Serverless.Connect.Transforms.Tests.Debezium.ExtractNewRecordStateDeleteHandlingTests;

namespace Serverless.Connect.Transforms.Tests.Debezium;

public sealed class ExtractNewRecordStateMetadataTests
{
    [Fact]
    public void AddFields_AppendsPrefixedEnvelopeSourceAndTransactionFields()
    {
        using var sut = Configure(
            ("delete.tombstone.handling.mode", "tombstone"), ("add.fields", "op,table,lsn,source.ts_ms,ts_ms,id,transaction.total_order"));
        var record = PostgresEvents.Event("u", null, PostgresEvents.Row(1), 1, transaction: PostgresEvents.Transaction());

        var value = Assert.IsType<Struct>(sut.Apply(record)!.Value);

        Assert.Equal(
            ["id", "customer", "status", "total", "created_at", "__op", "__table", "__lsn", "__source_ts_ms", "__ts_ms", "__id", "__transaction_total_order"],
            value.Schema.Fields.Select(f => f.Name));
        Assert.Equal("u", value.Get("__op"));
        Assert.Equal("orders", value.Get("__table"));
        Assert.Equal(24_023_128L, value.Get("__lsn"));
        Assert.Equal(PostgresEvents.CommitTs, value.Get("__source_ts_ms"));
        Assert.Equal(PostgresEvents.EventTs, value.Get("__ts_ms"));
        Assert.Equal("771:24023128", value.Get("__id"));
        Assert.Equal(3L, value.Get("__transaction_total_order"));
        Assert.All(value.Schema.Fields.Skip(5), f => Assert.True(f.Schema.IsOptional));
        Assert.Equal(Schema.OptionalStringSchema, value.Schema.FieldByName("__op")!.Schema);
    }

    [Fact]
    public void AddFields_CopiesBasicsButNotDefaults_AndKeepsRawNulls()
    {
        using var sut = Configure(("delete.tombstone.handling.mode", "drop"), ("add.fields", "snapshot,id"));

        var value = (Struct)sut.Apply(PostgresEvents.Create(1))!.Value!;

        var snapshot = value.Schema.FieldByName("__snapshot")!.Schema;
        Assert.Equal("io.debezium.data.Enum", snapshot.Name);
        Assert.Null(snapshot.DefaultValue);
        Assert.Null(value.GetWithoutDefault("__snapshot"));
        // No transaction block: the transaction field exists with a null value.
        Assert.Null(value.Get("__id"));
    }

    [Fact]
    public void AddFields_RenamesWithColonAndUsesThePrefix()
    {
        using var sut = Configure(
            ("delete.tombstone.handling.mode", "drop"), ("add.fields", "op:OPERATION, source.ts_ms:EVENT_TS , db"), ("add.fields.prefix", "meta_"));

        var value = (Struct)sut.Apply(PostgresEvents.Create(1))!.Value!;

        Assert.Equal("c", value.Get("meta_OPERATION"));
        Assert.Equal(PostgresEvents.CommitTs, value.Get("meta_EVENT_TS"));
        Assert.Equal("orders", value.Get("meta_db"));
    }

    [Fact]
    public void AddFields_SupportsStructValuedFields()
    {
        using var sut = Configure(("delete.tombstone.handling.mode", "drop"), ("add.fields", "source,transaction"));
        var record = PostgresEvents.Event("c", null, PostgresEvents.Row(1), 1, transaction: PostgresEvents.Transaction());

        var value = (Struct)sut.Apply(record)!.Value!;

        var source = Assert.IsType<Struct>(value.Get("__source"));
        Assert.Equal("orders", source.Get("table"));
        Assert.True(value.Schema.FieldByName("__source")!.Schema.IsOptional);
        Assert.Equal("771:24023128", ((Struct)value.Get("__transaction")!).Get("id"));
        value.Validate();
    }

    [Fact]
    public void RewriteDelete_AddsDeletedFirstThenAddedFields()
    {
        using var sut = Configure(("delete.tombstone.handling.mode", "rewrite"), ("add.fields", "op,source.lsn"));

        var deleted = (Struct)sut.Apply(PostgresEvents.Delete(9))!.Value!;
        var created = (Struct)sut.Apply(PostgresEvents.Create(9))!.Value!;

        Assert.Equal(["__deleted", "__op", "__source_lsn"], deleted.Schema.Fields.Skip(5).Select(f => f.Name));
        Assert.Equal("d", deleted.Get("__op"));
        Assert.Equal("true", deleted.Get("__deleted"));
        Assert.Equal(["__deleted", "__op", "__source_lsn"], created.Schema.Fields.Skip(5).Select(f => f.Name));
        Assert.Equal("c", created.Get("__op"));
    }

    [Fact]
    public void AddFields_CachesOneSchemaPerRowSchemaAndOperation()
    {
        using var sut = Configure(("delete.tombstone.handling.mode", "drop"), ("add.fields", "op"));

        var first = sut.Apply(PostgresEvents.Create(1))!.ValueSchema;
        var second = sut.Apply(PostgresEvents.Create(2))!.ValueSchema;
        var update = sut.Apply(PostgresEvents.Update(2))!.ValueSchema;

        Assert.Same(first, second);
        Assert.Equal(first, update);
    }

    [Fact]
    public void AddHeaders_AddsPrefixedHeadersWithOptionalSchemas()
    {
        using var sut = Configure(
            ("delete.tombstone.handling.mode", "tombstone"), ("add.headers", "op,source.lsn:LSN,ts_ms,id"), ("add.headers.prefix", "dbz."));
        var record = PostgresEvents.Update(1) with { Headers = ConnectHeaders.Empty.AddString("trace", "abc") };

        var result = sut.Apply(record)!;

        Assert.Equal(["trace", "dbz.op", "dbz.LSN", "dbz.ts_ms", "dbz.id"], result.Headers.Select(h => h.Key));
        Assert.Equal("u", result.Headers.LastWithName("dbz.op")!.Value);
        Assert.Equal(Schema.OptionalStringSchema, result.Headers.LastWithName("dbz.op")!.Schema);
        Assert.Equal(24_023_128L, result.Headers.LastWithName("dbz.LSN")!.Value);
        Assert.Equal(PostgresEvents.EventTs, result.Headers.LastWithName("dbz.ts_ms")!.Value);
        Assert.Null(result.Headers.LastWithName("dbz.id")!.Value);
        Assert.Equal(5, ((Struct)result.Value!).Schema.Fields.Count);
    }

    [Fact]
    public void AddHeaders_OnKeptTombstone_AddsOnlyOperationDelete()
    {
        using var sut = Configure(("delete.tombstone.handling.mode", "rewrite-with-tombstone"), ("add.headers", "op,source.lsn"));

        var delete = sut.Apply(PostgresEvents.Delete(1))!;
        var tombstone = sut.Apply(PostgresEvents.Tombstone(1))!;

        Assert.Equal("d", delete.Headers.LastWithName("__op")!.Value);
        Assert.Equal(24_023_128L, delete.Headers.LastWithName("__source_lsn")!.Value);
        var header = Assert.Single(tombstone.Headers);
        Assert.Equal("__op", header.Key);
        Assert.Equal("d", header.Value);
        Assert.Null(tombstone.Value);
    }

    [Fact]
    public void AddFields_MalformedEntry_IsAConfigError()
    {
        var e = Assert.Throws<Serverless.Connect.Configuration.ConfigException>(() => Configure(("add.fields", "op:a:b")));

        Assert.Contains("add.fields", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RouteByField_UsesAfterForUpsertsAndBeforeForDeletes()
    {
        using var sut = Configure(("delete.tombstone.handling.mode", "tombstone"), ("route.by.field", "status"));
        var delete = PostgresEvents.Event("d", PostgresEvents.Row(1, status: "cancelled"), null, 1);

        Assert.Equal("shipped", sut.Apply(PostgresEvents.Update(1))!.Topic);
        Assert.Equal("cancelled", sut.Apply(delete)!.Topic);
    }

    [Fact]
    public void RouteByField_NullValueKeepsTopic_MissingColumnFails()
    {
        using var keeps = Configure(("delete.tombstone.handling.mode", "drop"), ("route.by.field", "customer"));
        using var fails = Configure(("delete.tombstone.handling.mode", "drop"), ("route.by.field", "nope"));
        var noCustomer = PostgresEvents.Event("c", null, PostgresEvents.Row(1, customer: null), 1);

        Assert.Equal(PostgresEvents.Topic, keeps.Apply(noCustomer)!.Topic);
        var e = Assert.Throws<DataException>(() => fails.Apply(PostgresEvents.Create(1)));
        Assert.Equal("nope is not a valid field name", e.Message);
    }

    [Theory]
    [InlineData("true", new[] { "id", "total", "created_at" })]
    [InlineData("false", new[] { "total", "created_at" })]
    public void DropFieldsHeader_RemovesListedFields(string keepCompatible, string[] remaining)
    {
        using var sut = Configure(
            ("delete.tombstone.handling.mode", "drop"), ("drop.fields.header.name", "drop-fields"),
            ("drop.fields.keep.schema.compatible", keepCompatible), ("drop.fields.from.key", "true"));
        var drop = ConnectHeaders.Empty.Add("drop-fields", SchemaBuilder.Array(Schema.StringSchema).Build(), new object?[] { "id", "customer", "status", "missing" });
        var record = PostgresEvents.Create(1) with { Headers = drop };

        var result = sut.Apply(record)!;

        Assert.Equal(remaining, ((Struct)result.Value!).Schema.Fields.Select(f => f.Name));
        Assert.Equal("cdc.orders.public.orders.Value", result.ValueSchema!.Name);
        // The key's id is required: kept when compatibility is on, dropped otherwise.
        Assert.Equal(keepCompatible == "true" ? 1 : 0, ((Struct)result.Key!).Schema.Fields.Count);
    }

    [Fact]
    public void DropFieldsHeader_KeyUntouchedUnlessRequested_AndAbsentHeaderChangesNothing()
    {
        using var sut = Configure(
            ("delete.tombstone.handling.mode", "drop"), ("drop.fields.header.name", "drop-fields"), ("drop.fields.keep.schema.compatible", "false"));
        var drop = ConnectHeaders.Empty.Add("drop-fields", SchemaBuilder.Array(Schema.StringSchema).Build(), new object?[] { "id" });

        var dropped = sut.Apply(PostgresEvents.Create(1) with { Headers = drop })!;
        var plain = sut.Apply(PostgresEvents.Create(1))!;

        Assert.Equal(PostgresEvents.KeyOf(1), dropped.Key);
        Assert.Null(dropped.ValueSchema!.FieldByName("id"));
        Assert.NotNull(plain.ValueSchema!.FieldByName("id"));
    }

    [Fact]
    public void ConfigDef_ValidatesTypes()
    {
        var result = Serverless.Connect.Transforms.Debezium.ExtractNewRecordState.ConfigDef.Validate(
            PostgresEvents.Config(("drop.fields.from.key", "yes")));

        Assert.False(result.IsValid);
        Assert.Contains("Expected value to be either true or false", string.Join(" ", result.ErrorsFor("drop.fields.from.key")), StringComparison.Ordinal);
    }
}
