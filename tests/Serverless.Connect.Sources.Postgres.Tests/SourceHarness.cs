using System.Text;
using System.Threading.Channels;
using Npgsql;
using Serverless.Connect.Converters;
using Serverless.Connect.Data;
using Serverless.Connect.TestUtilities;

namespace Serverless.Connect.Sources.Postgres.Tests;

/// <summary>Runs a <see cref="PostgresChangeSource"/> against a test database and hands out its records.</summary>
internal sealed class SourceHarness : IAsyncDisposable
{
    private static readonly IConverter s_json = ConverterRegistry.Default.Create(
        "org.apache.kafka.connect.json.JsonConverter", new Dictionary<string, string>(), isKey: false);

    private readonly Channel<PostgresSourceRecord> _channel = Channel.CreateBounded<PostgresSourceRecord>(
        new BoundedChannelOptions(10_000) { FullMode = BoundedChannelFullMode.Wait });

    private readonly CancellationTokenSource _stop = new();
    private readonly Task _run;

    private SourceHarness(PostgresChangeSource source)
    {
        Source = source;
        _run = Task.Run(() => source.RunAsync(_channel.Writer, _stop.Token));
    }

    public PostgresChangeSource Source { get; }

    public Task Run => _run;

    public static Dictionary<string, string> Config(TestDatabase db, params (string Key, string Value)[] overrides)
    {
        var services = LocalServices.Current;
        var config = new Dictionary<string, string>
        {
            ["name"] = "pg-" + db.Name,
            ["connector.class"] = PostgresConnectorConfigDef.ConnectorClass,
            ["database.hostname"] = services.PostgresHost,
            ["database.port"] = services.PostgresPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["database.user"] = services.PostgresUser,
            ["database.password"] = services.PostgresPassword,
            ["database.dbname"] = db.Name,
            ["topic.prefix"] = "srv",
            ["plugin.name"] = "pgoutput",
            ["slot.name"] = "slot_" + Guid.NewGuid().ToString("N")[..12],
            ["snapshot.mode"] = "no_data",
        };
        foreach (var (key, value) in overrides)
        {
            config[key] = value;
        }

        return config;
    }

    /// <summary>Starts the source and waits until its slot exists, so later changes are captured.</summary>
    public static async Task<SourceHarness> StartAsync(TestDatabase db, Dictionary<string, string> config)
    {
        var harness = new SourceHarness(new PostgresChangeSource(PostgresConnectorConfig.Parse(config)));
        await WaitForSlotAsync(db, config["slot.name"], harness._run);
        return harness;
    }

    public static async Task WaitForSlotAsync(TestDatabase db, string slot, Task? failFast = null)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        while (true)
        {
            if (failFast is { IsCompleted: true })
            {
                await failFast;
                throw new InvalidOperationException("The source stopped before creating its slot");
            }

            await using var connection = await db.OpenAsync();
            // Active alone is not enough: the creating walsender holds the slot while it waits for a consistent point,
            // and with snapshot.mode=no_data a change committed before that point is never streamed. The slot has a
            // confirmed_flush_lsn only once it is created.
            await using var command = new NpgsqlCommand(
                "SELECT count(*) FROM pg_replication_slots WHERE slot_name = $1 AND active AND confirmed_flush_lsn IS NOT NULL", connection);
            command.Parameters.AddWithValue(slot);
            if ((long)(await command.ExecuteScalarAsync())! > 0)
            {
                return;
            }

            if (timeout.IsCancellationRequested)
            {
                throw new TimeoutException($"Slot {slot} not active within 90 s; source task status {failFast?.Status}");
            }

            await Task.Delay(50, CancellationToken.None);
        }
    }

    /// <summary>The next record (markers skipped).</summary>
    public async Task<ConnectRecord> NextAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        while (true)
        {
            PostgresSourceRecord item;
            try
            {
                item = await _channel.Reader.ReadAsync(timeout.Token);
            }
            catch (OperationCanceledException) when (timeout.IsCancellationRequested)
            {
                throw new TimeoutException($"No record within 90 s; source task status {_run.Status}, confirmed LSN {Source.ConfirmedLsn}");
            }

            if (item.Record is { } record)
            {
                return record;
            }
        }
    }

    public async Task<List<ConnectRecord>> NextAsync(int count)
    {
        var records = new List<ConnectRecord>();
        for (var i = 0; i < count; i++)
        {
            records.Add(await NextAsync());
        }

        return records;
    }

    /// <summary>Everything read until the channel completes.</summary>
    public async Task<List<PostgresSourceRecord>> DrainAsync()
    {
        var items = new List<PostgresSourceRecord>();
        await foreach (var item in _channel.Reader.ReadAllAsync())
        {
            items.Add(item);
        }

        return items;
    }

    public static string Json(Schema? schema, object? value) =>
        Encoding.UTF8.GetString(s_json.FromConnectData("t", schema, value) ?? []);

    public static Struct After(ConnectRecord record) => (Struct)((Struct)record.Value!).Get("after")!;

    public static Struct? Before(ConnectRecord record) => (Struct?)((Struct)record.Value!).Get("before");

    public static string Op(ConnectRecord record) => (string)((Struct)record.Value!).Get("op")!;

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        Source.MarkDrained();
        // Failures are asserted by the tests that expect them through Run; here only wait for the stop.
        await Task.WhenAny(_run, Task.Delay(TimeSpan.FromSeconds(30)));
        _ = _run.Exception;

        _stop.Dispose();
    }
}
