using Microsoft.Extensions.Logging;
using Npgsql;
using Serverless.Connect.Sources.Postgres;

namespace Serverless.Connect.CdcReader.Internal;

/// <summary>
/// Every <c>serverless.metrics.slot.interval.ms</c> (default 10000) asks PostgreSQL, on a regular connection, for each
/// connector's slot lag (<c>pg_current_wal_lsn() - confirmed_flush_lsn</c>) and, until its snapshot is done, the
/// captured tables' estimated row counts.
/// </summary>
internal sealed class SlotMonitor : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loops;

    public SlotMonitor(IReadOnlyList<CdcConnector> connectors, ILogger logger, TimeProvider time)
    {
        _loops = Task.WhenAll(connectors.Select(c => Task.Run(() => RunAsync(c, logger, time, _stop.Token))));
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        await _loops.ConfigureAwait(false);
        _stop.Dispose();
    }

    private static async Task RunAsync(CdcConnector connector, ILogger logger, TimeProvider time, CancellationToken cancellationToken)
    {
        var estimated = false;
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                try
                {
                    estimated = await ReadAsync(connector, estimated, cancellationToken).ConfigureAwait(false);
                }
                catch (Exception e) when (e is NpgsqlException or InvalidOperationException && !cancellationToken.IsCancellationRequested)
                {
                    Log.SlotMetricsFailed(logger, connector.Source.Config.Name, e);
                }

                await Task.Delay(connector.SlotMetricsInterval, time, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }

    private static async Task<bool> ReadAsync(CdcConnector connector, bool estimated, CancellationToken cancellationToken)
    {
        var config = connector.Source.Config;
        await using var connection = new NpgsqlConnection(config.ConnectionString());
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (var command = new NpgsqlCommand(
            "SELECT (pg_current_wal_lsn() - confirmed_flush_lsn)::bigint FROM pg_replication_slots WHERE slot_name = $1", connection))
        {
            command.Parameters.AddWithValue(config.SlotName);
            connector.Metrics.SetSlotLag(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is long lag ? lag : -1);
        }

        // Estimates matter for snapshot progress; refresh them while a snapshot may still come or is running.
        if (!estimated || connector.Metrics.SnapshotRunning)
        {
            connector.Metrics.SetEstimates(await PostgresCatalog.EstimateCapturedRowsAsync(config, connection, cancellationToken).ConfigureAwait(false));
            return true;
        }

        return estimated;
    }
}
