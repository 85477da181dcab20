using Serverless.Connect.Configuration.Validation;
using Serverless.Connect.Data;
using Serverless.Connect.Transforms.Debezium;

namespace Serverless.Connect.Transforms.Tests.Debezium;

public sealed class ExtractNewRecordStateDeleteHandlingTests
{
    [Fact]
    public void Create_IsFlattenedToAfter_WithRequiredCopyOfRowSchema()
    {
        using var sut = Configure(("delete.tombstone.handling.mode", "tombstone"));

        var result = sut.Apply(PostgresEvents.Create(7))!;

        Assert.Equal(PostgresEvents.Topic, result.Topic);
        Assert.Equal(PostgresEvents.KeyOf(7), result.Key);
        Assert.Equal(PostgresEvents.KeySchema, result.KeySchema);
        Assert.Equal(PostgresEvents.EventTs, result.Timestamp);
        // Debezium rebuilds the row schema with copySchemaBasics: same name and fields, but no longer optional.
        Assert.Equal("cdc.orders.public.orders.Value", result.ValueSchema!.Name);
        Assert.False(result.ValueSchema.IsOptional);
        Assert.Equal(PostgresEvents.RowSchema.Fields, result.ValueSchema.Fields);
        var value = Assert.IsType<Struct>(result.Value);
        Assert.Equal(7, value.Get("id"));
        Assert.Equal("paid", value.Get("status"));
        Assert.Equal(new ConnectDecimal(12345, 2), value.Get("total"));
    }

    [Theory]
    [InlineData("r")]
    [InlineData("u")]
    public void ReadAndUpdate_AreFlattenedToAfter(string op)
    {
        using var sut = Configure(("delete.tombstone.handling.mode", "drop"));
        var record = op == "r" ? PostgresEvents.Read(3) : PostgresEvents.Update(3);

        var value = Assert.IsType<Struct>(sut.Apply(record)!.Value);

        Assert.Equal(op == "r" ? "paid" : "shipped", value.GetString("status"));
        Assert.Equal(PostgresEvents.RowSchema.Fields.Count, value.Schema.Fields.Count);
    }

    [Theory]
    [InlineData("drop", false, false)]
    [InlineData("tombstone", true, false)]
    [InlineData("rewrite", true, false)]
    [InlineData("rewrite-with-tombstone", true, true)]
    [InlineData("delete-to-tombstone", true, false)]
    [InlineData("REWRITE", true, false)]
    public void DeleteAndTombstone_FollowTheMode(string mode, bool deleteKept, bool tombstoneKept)
    {
        using var sut = Configure(("delete.tombstone.handling.mode", mode));

        var delete = sut.Apply(PostgresEvents.Delete(5));
        var tombstone = sut.Apply(PostgresEvents.Tombstone(5));

        Assert.Equal(deleteKept, delete is not null);
        Assert.Equal(tombstoneKept, tombstone is not null);
        if (tombstoneKept)
        {
            Assert.Equal(PostgresEvents.Tombstone(5), tombstone);
        }
    }

    [Fact]
    public void TombstoneMode_EmitsNullValueButKeepsTheRowSchema()
    {
        using var sut = Configure(("delete.tombstone.handling.mode", "tombstone"));

        var result = sut.Apply(PostgresEvents.Delete(5))!;

        Assert.Null(result.Value);
        Assert.Equal(PostgresEvents.RowSchema, result.ValueSchema);
        Assert.Equal(PostgresEvents.KeyOf(5), result.Key);
    }

    [Fact]
    public void DeleteToTombstoneMode_EmitsARealTombstone()
    {
        using var sut = Configure(("delete.tombstone.handling.mode", "delete-to-tombstone"));

        var result = sut.Apply(PostgresEvents.Delete(5))!;

        Assert.True(result.IsTombstone);
        Assert.Null(result.ValueSchema);
        Assert.Equal(PostgresEvents.KeyOf(5), result.Key);
    }

    [Theory]
    [InlineData("rewrite")]
    [InlineData("rewrite-with-tombstone")]
    public void RewriteModes_AddDeletedField(string mode)
    {
        using var sut = Configure(("delete.tombstone.handling.mode", mode));

        var deleted = Assert.IsType<Struct>(sut.Apply(PostgresEvents.Delete(5))!.Value);
        var created = Assert.IsType<Struct>(sut.Apply(PostgresEvents.Create(6))!.Value);

        Assert.Equal("true", deleted.Get("__deleted"));
        Assert.Equal(5, deleted.Get("id"));
        Assert.Equal("false", created.Get("__deleted"));
        var deletedField = created.Schema.Fields[^1];
        Assert.Equal("__deleted", deletedField.Name);
        Assert.Equal(Schema.OptionalStringSchema, deletedField.Schema);
        Assert.Equal("cdc.orders.public.orders.Value", created.Schema.Name);
        Assert.False(created.Schema.IsOptional);
    }

    [Fact]
    public void Rewrite_ReplacesNullsWithDefaults_UnlessDisabled()
    {
        using var replacing = Configure(("delete.tombstone.handling.mode", "rewrite"));
        using var keeping = Configure(("delete.tombstone.handling.mode", "rewrite"), ("replace.null.with.default", "false"));

        var replaced = (Struct)replacing.Apply(PostgresEvents.Delete(5))!.Value!;
        var kept = (Struct)keeping.Apply(PostgresEvents.Delete(5))!.Value!;

        Assert.Equal("new", replaced.GetWithoutDefault("status"));
        Assert.Null(kept.GetWithoutDefault("status"));
        Assert.Null(replaced.GetWithoutDefault("customer"));
    }

    [Fact]
    public void NoDeleteOptionSet_FallsBackToLegacyDefaults_DroppingDeletesAndTombstones()
    {
        using var sut = Configure();

        Assert.Null(sut.Apply(PostgresEvents.Delete(5)));
        Assert.Null(sut.Apply(PostgresEvents.Tombstone(5)));
        Assert.NotNull(sut.Apply(PostgresEvents.Create(5)));
    }

    [Theory]
    [InlineData("drop", "true", false, false)]
    [InlineData("drop", "false", false, true)]
    [InlineData("none", "true", true, false)]
    [InlineData("rewrite", "false", true, true)]
    public void LegacyOptions_AreStillHonoured(string handleDeletes, string dropTombstones, bool deleteKept, bool tombstoneKept)
    {
        using var sut = Configure(("delete.handling.mode", handleDeletes), ("drop.tombstones", dropTombstones));

        var delete = sut.Apply(PostgresEvents.Delete(5));
        var tombstone = sut.Apply(PostgresEvents.Tombstone(5));

        Assert.Equal(deleteKept, delete is not null);
        Assert.Equal(tombstoneKept, tombstone is not null);
        if (handleDeletes == "none")
        {
            Assert.Null(delete!.Value);
            Assert.Equal(PostgresEvents.RowSchema, delete.ValueSchema);
        }

        if (handleDeletes == "rewrite")
        {
            Assert.Equal("true", ((Struct)delete!.Value!).Get("__deleted"));
            Assert.Equal("false", ((Struct)sut.Apply(PostgresEvents.Create(1))!.Value!).Get("__deleted"));
        }
    }

    [Fact]
    public void NewModeWinsOverLegacyOptions()
    {
        using var sut = Configure(
            ("delete.tombstone.handling.mode", "rewrite-with-tombstone"), ("drop.tombstones", "true"), ("delete.handling.mode", "drop"));

        Assert.NotNull(sut.Apply(PostgresEvents.Tombstone(5)));
        Assert.Equal("true", ((Struct)sut.Apply(PostgresEvents.Delete(5))!.Value!).Get("__deleted"));
    }

    [Fact]
    public void LegacyKeys_ProduceDeprecationWarnings_AndTheLegacyFallbackIsLogged()
    {
        var logger = new RecordingLogger();
        using var sut = new ExtractNewRecordState(logger);

        var validation = ExtractNewRecordState.ConfigDef.Validate(PostgresEvents.Config(("drop.tombstones", "false")));
        sut.Configure(PostgresEvents.Config(("drop.tombstones", "false")));

        Assert.True(validation.IsValid);
        Assert.Contains(validation.Warnings, w => w.Key == "drop.tombstones");
        var warning = Assert.Single(logger.Messages);
        Assert.Contains("\"drop.tombstones\" and \"delete.handling.mode\" have been deprecated", warning, StringComparison.Ordinal);
    }

    [Fact]
    public void ExplicitMode_LogsNoLegacyWarning()
    {
        var logger = new RecordingLogger();
        using var sut = new ExtractNewRecordState(logger);

        sut.Configure(PostgresEvents.Config(("delete.tombstone.handling.mode", "drop")));

        Assert.Empty(logger.Messages);
    }

    [Fact]
    public void InvalidMode_IsRejectedNamingTheKey()
    {
        using var sut = new ExtractNewRecordState();

        var e = Assert.Throws<ConfigValidationException>(() => sut.Configure(PostgresEvents.Config(("delete.tombstone.handling.mode", "purge"))));

        Assert.Contains("delete.tombstone.handling.mode", e.Message, StringComparison.Ordinal);
        Assert.Contains("purge", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Truncate_IsDropped()
    {
        using var sut = Configure(("delete.tombstone.handling.mode", "rewrite-with-tombstone"));

        Assert.Null(sut.Apply(PostgresEvents.Truncate()));
    }

    [Fact]
    public void NonEnvelopeRecords_PassThroughUnchanged()
    {
        using var sut = Configure(("delete.tombstone.handling.mode", "rewrite"), ("add.fields", "op"), ("add.headers", "op"));
        var heartbeat = PostgresEvents.Heartbeat();
        var flat = new ConnectRecord("t", 0, null, null, PostgresEvents.RowSchema, PostgresEvents.Row(1));

        Assert.Same(heartbeat, sut.Apply(heartbeat));
        Assert.Same(flat, sut.Apply(flat));
    }

    [Fact]
    public void Apply_NeverMutatesItsInput()
    {
        using var sut = Configure(
            ("delete.tombstone.handling.mode", "rewrite-with-tombstone"), ("add.fields", "op,source.lsn"), ("add.headers", "op,ts_ms"),
            ("route.by.field", "customer"));
        var inputs = new[] { PostgresEvents.Create(1), PostgresEvents.Update(2), PostgresEvents.Delete(3), PostgresEvents.Tombstone(4) };
        var pristine = new[] { PostgresEvents.Create(1), PostgresEvents.Update(2), PostgresEvents.Delete(3), PostgresEvents.Tombstone(4) };

        foreach (var input in inputs)
        {
            sut.Apply(input);
        }

        Assert.Equal(pristine, inputs);
        Assert.All(inputs, r => Assert.Empty(r.Headers));
    }

    [Fact]
    public void Apply_BeforeConfigure_Throws()
    {
        using var sut = new ExtractNewRecordState();

        Assert.Throws<InvalidOperationException>(() => sut.Apply(PostgresEvents.Create()));
    }

    [Fact]
    public void ClassNameAndConfigDef_AreExposedForTheRegistry()
    {
        Assert.Equal("io.debezium.transforms.ExtractNewRecordState", ExtractNewRecordState.ClassName);
        var keys = ExtractNewRecordState.ConfigDef.Keys;
        foreach (var key in new[]
        {
            "delete.tombstone.handling.mode", "drop.tombstones", "delete.handling.mode", "route.by.field", "add.fields", "add.fields.prefix",
            "add.headers", "add.headers.prefix", "drop.fields.header.name", "drop.fields.from.key", "drop.fields.keep.schema.compatible",
            "replace.null.with.default",
        })
        {
            Assert.True(keys.ContainsKey(key), key);
        }

        Assert.Null(keys["delete.tombstone.handling.mode"].DefaultValue);
        Assert.Equal("__", keys["add.fields.prefix"].DefaultValue);
        Assert.Equal(true, keys["drop.tombstones"].DefaultValue);
    }

    internal static ExtractNewRecordState Configure(params (string Key, string Value)[] config)
    {
        var sut = new ExtractNewRecordState();
        sut.Configure(PostgresEvents.Config(config));
        return sut;
    }
}
