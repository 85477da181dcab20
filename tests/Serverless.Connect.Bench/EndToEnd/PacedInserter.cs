using System.Diagnostics;
using Npgsql;
using Serverless.Connect.Bench.Cdc;

namespace Serverless.Connect.Bench.EndToEnd;

/// <summary>
/// Inserts rows into the CDC workload's table at a fixed rate: every tick (5 ms by default) one transaction with the
/// rows that are due by then (explicit ids, so each row is known), recording the <see cref="Stopwatch"/> time its
/// COMMIT returned.
/// </summary>
internal sealed class PacedInserter
{
    private readonly CdcWorkload _workload;
    private readonly int _tickMilliseconds;
    private readonly long[] _committed;
    private readonly long[] _committedMs;

    public PacedInserter(CdcWorkload workload, long firstId, int capacity, int tickMilliseconds)
    {
        _workload = workload;
        _tickMilliseconds = tickMilliseconds;
        FirstId = firstId;
        _committed = new long[capacity];
        _committedMs = new long[capacity];
    }

    public long FirstId { get; }

    /// <summary>Gets the next id to insert.</summary>
    public long NextId { get; private set; }

    /// <summary>Gets the number of transactions committed.</summary>
    public long Transactions { get; private set; }

    /// <summary>Gets the <see cref="Stopwatch"/> timestamp at which row <paramref name="id"/>'s commit returned (0 if not inserted).</summary>
    public long CommittedAt(long id) => _committed[id - FirstId];

    /// <summary>Gets the wall-clock time (ms since the epoch) row <paramref name="id"/>'s commit returned, to compare with Kafka timestamps.</summary>
    public long CommittedAtMs(long id) => _committedMs[id - FirstId];

    /// <summary>Inserts <paramref name="rate"/> rows per second for <paramref name="duration"/>, continuing from <see cref="NextId"/>.</summary>
    /// <returns>The first and last id inserted in this call.</returns>
    public async Task<(long First, long Last)> RunAsync(int rate, TimeSpan duration, CancellationToken cancellationToken)
    {
        if (NextId == 0)
        {
            NextId = FirstId;
        }

        var first = NextId;
        await using var connection = await _workload.Database.OpenAsync(cancellationToken);
        await using var insert = new NpgsqlCommand(
            $"INSERT INTO {CdcWorkload.Table} (id, a, b, c) SELECT g, (g % 1000)::int, substr(md5(g::text), 1, 20), now() FROM generate_series($1::bigint, $2::bigint) g",
            connection);
        var from = new NpgsqlParameter<long>();
        var to = new NpgsqlParameter<long>();
        insert.Parameters.Add(from);
        insert.Parameters.Add(to);
        await insert.PrepareAsync(cancellationToken);
        var total = (long)(rate * duration.TotalSeconds);
        var clock = Stopwatch.StartNew();
        long sent = 0;
        while (sent < total)
        {
            var due = Math.Min(total, (long)(clock.Elapsed.TotalSeconds * rate)) - sent;
            if (due > 0)
            {
                from.TypedValue = NextId;
                to.TypedValue = NextId + due - 1;
                await insert.ExecuteNonQueryAsync(cancellationToken);
                var committed = Stopwatch.GetTimestamp();
                var committedMs = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
                for (var id = NextId; id < NextId + due; id++)
                {
                    _committed[id - FirstId] = committed;
                    _committedMs[id - FirstId] = committedMs;
                }

                NextId += due;
                sent += due;
                Transactions++;
            }

            await Task.Delay(_tickMilliseconds, cancellationToken);
        }

        return (first, NextId - 1);
    }
}
