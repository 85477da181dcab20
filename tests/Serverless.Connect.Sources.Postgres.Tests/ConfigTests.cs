using Serverless.Connect.Configuration.Plugins;
using Serverless.Connect.Configuration.Validation;

namespace Serverless.Connect.Sources.Postgres.Tests;

public sealed class ConfigTests
{
    private static Dictionary<string, string> Minimal() => new()
    {
        ["database.hostname"] = "pg",
        ["database.user"] = "debezium",
        ["database.password"] = "secret",
        ["database.dbname"] = "orders",
        ["topic.prefix"] = "cdc.orders",
        ["plugin.name"] = "pgoutput",
    };

    [Fact]
    public void Defaults_are_Debeziums()
    {
        var config = PostgresConnectorConfig.Parse(Minimal());

        Assert.Equal("debezium", config.SlotName);
        Assert.Equal("dbz_publication", config.PublicationName);
        Assert.Equal(PublicationAutocreateMode.AllTables, config.PublicationAutocreateMode);
        Assert.Equal(SnapshotMode.Initial, config.SnapshotMode);
        Assert.True(config.TombstonesOnDelete);
        Assert.Equal(DecimalHandlingMode.Precise, config.DecimalHandlingMode);
        Assert.Equal(TimePrecisionMode.Adaptive, config.TimePrecisionMode);
        Assert.Equal(BinaryHandlingMode.Bytes, config.BinaryHandlingMode);
        Assert.Equal(HStoreHandlingMode.Json, config.HStoreHandlingMode);
        Assert.Equal(IntervalHandlingMode.Numeric, config.IntervalHandlingMode);
        Assert.Equal(TimeSpan.Zero, config.HeartbeatInterval);
        Assert.Equal("__debezium-heartbeat.cdc.orders", config.HeartbeatTopic);
        Assert.False(config.SlotDropOnStop);
        Assert.False(config.ProvideTransactionMetadata);
        Assert.Equal(5432, config.Parsed.GetInt("database.port"));
        Assert.Equal("pgoutput", config.Parsed.GetString("plugin.name"));
    }

    [Theory]
    [InlineData("never", SnapshotMode.NoData)]
    [InlineData("no_data", SnapshotMode.NoData)]
    [InlineData("schema_only", SnapshotMode.NoData)]
    [InlineData("ALWAYS", SnapshotMode.Always)]
    [InlineData("initial_only", SnapshotMode.InitialOnly)]
    [InlineData("when_needed", SnapshotMode.WhenNeeded)]
    public void Snapshot_modes_parse_case_insensitively(string value, SnapshotMode expected)
    {
        var values = Minimal();
        values["snapshot.mode"] = value;
        Assert.Equal(expected, PostgresConnectorConfig.Parse(values).SnapshotMode);
    }

    [Fact]
    public void Decoderbufs_and_unknown_modes_are_rejected_with_the_key_named()
    {
        var values = Minimal();
        values["plugin.name"] = "decoderbufs";
        values["decimal.handling.mode"] = "exact";
        values.Remove("topic.prefix");

        var error = Assert.Throws<ConfigValidationException>(() => PostgresConnectorConfig.Parse(values));

        Assert.Contains("plugin.name", error.Message, StringComparison.Ordinal);
        Assert.Contains("pgoutput", error.Message, StringComparison.Ordinal);
        Assert.Contains("decimal.handling.mode", error.Message, StringComparison.Ordinal);
        Assert.Contains("Missing required configuration \"topic.prefix\"", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Debezium")]
    [InlineData("my-slot")]
    [InlineData("a_slot_name_that_is_much_too_long_for_postgresql_because_it_exceeds_63")]
    public void Invalid_slot_names_are_rejected(string slot)
    {
        var values = Minimal();
        values["slot.name"] = slot;

        var error = Assert.Throws<ConfigValidationException>(() => PostgresConnectorConfig.Parse(values));

        Assert.Contains("slot.name", error.Message, StringComparison.Ordinal);
        Assert.Contains("only digits, lowercase characters and underscores with length <= 63", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Retry_keys_default_to_Debeziums_unlimited_retries_and_10_s_wait()
    {
        var config = PostgresConnectorConfig.Parse(Minimal());

        Assert.Equal(-1, config.ErrorsMaxRetries);
        Assert.Equal(TimeSpan.FromSeconds(10), config.RetriableRestartWait);
    }

    [Theory]
    [InlineData("0", "0", 0, 0)]
    [InlineData("5", "500", 5, 500)]
    [InlineData("-1", "60000", -1, 60_000)]
    public void Retry_keys_parse(string maxRetries, string waitMs, int expectedRetries, long expectedWaitMs)
    {
        var values = Minimal();
        values["errors.max.retries"] = maxRetries;
        values["retriable.restart.connector.wait.ms"] = waitMs;

        var config = PostgresConnectorConfig.Parse(values);

        Assert.Equal(expectedRetries, config.ErrorsMaxRetries);
        Assert.Equal(TimeSpan.FromMilliseconds(expectedWaitMs), config.RetriableRestartWait);
    }

    [Theory]
    [InlineData("errors.max.retries", "-2")]
    [InlineData("errors.max.retries", "three")]
    [InlineData("errors.max.retries", "2147483648")]
    [InlineData("retriable.restart.connector.wait.ms", "-1")]
    [InlineData("retriable.restart.connector.wait.ms", "10s")]
    public void Invalid_retry_keys_are_rejected_at_start_naming_the_key(string key, string value)
    {
        var values = Minimal();
        values[key] = value;

        var error = Assert.Throws<ConfigValidationException>(() => PostgresConnectorConfig.Parse(values));

        Assert.Contains(key, error.Message, StringComparison.Ordinal);
        Assert.Contains(value, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_retry_key_fails_the_cdc_connector_before_it_connects()
    {
        var values = Minimal();
        values["name"] = "pg";
        values["connector.class"] = PostgresConnectorConfigDef.ConnectorClass;
        values["bootstrap.servers"] = "127.0.0.1:1";
        values["errors.max.retries"] = "-5";

        var error = Assert.Throws<ConfigValidationException>(() => new CdcReader.CdcConnector(values));

        Assert.Contains("errors.max.retries", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Registered_descriptor_is_found_by_class_and_alias_and_checks_exclusive_lists()
    {
        var registry = PostgresConnectorConfigDef.Register(new PluginRegistry());

        Assert.NotNull(registry.Find("io.debezium.connector.postgresql.PostgresConnector", PluginKind.Source));
        Assert.NotNull(registry.Find("PostgresConnector", PluginKind.Source));
        var values = Minimal();
        values["name"] = "pg";
        values["connector.class"] = PostgresConnectorConfigDef.ConnectorClass;
        values["table.include.list"] = "public.a";
        values["table.exclude.list"] = "public.b";
        var result = new ConnectorConfigValidator(registry).Validate(values);
        Assert.Contains("table.exclude.list", result.ToString(), StringComparison.Ordinal);
    }
}
