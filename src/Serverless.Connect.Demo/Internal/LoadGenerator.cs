using System.Globalization;
using Npgsql;
using NpgsqlTypes;

namespace Serverless.Connect.Demo.Internal;

/// <summary>
/// Live changes at a target rate of rows per second, one transaction per business operation: a new order with its
/// <c>OrderCreated</c> outbox row (the seed's outbox example), shipping an order with <c>OrderShipped</c>, new and
/// changed customers, and deleted orders. Each commit time is recorded in the <see cref="CommitLog"/>.
/// </summary>
internal sealed class LoadGenerator
{
    private readonly string _connectionString;
    private readonly int _rate;
    private readonly CommitLog _commits;
    private readonly TimeProvider _time;
    private readonly Random _random = new(42);
    private readonly List<int> _customers = [];
    private readonly List<int> _openOrders = [];
    private readonly List<int> _shippedOrders = [];
    private readonly Dictionary<int, int> _customerRevs = [];
    private readonly Dictionary<int, int> _orderRevs = [];

    public LoadGenerator(string connectionString, int rate, int initialCustomers, int initialOrders, CommitLog commits, TimeProvider time)
    {
        _connectionString = connectionString;
        _rate = rate;
        _commits = commits;
        _time = time;
        for (var id = 1; id <= initialCustomers; id++)
        {
            _customers.Add(id);
            _customerRevs[id] = 0;
        }

        for (var id = 1; id <= initialOrders; id++)
        {
            _openOrders.Add(id);
            _orderRevs[id] = 0;
        }
    }

    public LoadCounters Counters { get; } = new();

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);
        var start = _time.GetTimestamp();
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                // Pace by rows: the n-th row is due n/rate seconds after the start.
                var due = TimeSpan.FromSeconds((double)Counters.Rows / _rate);
                var wait = due - _time.GetElapsedTime(start);
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait, _time, cancellationToken);
                }

                await OneOperationAsync(connection, cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }

    private async Task OneOperationAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var roll = _random.Next(100);
        if (roll < 35 || _openOrders.Count == 0)
        {
            await CreateOrderAsync(connection, cancellationToken);
        }
        else if (roll < 60)
        {
            await ShipOrderAsync(connection, cancellationToken);
        }
        else if (roll < 75)
        {
            await UpdateCustomerAsync(connection, cancellationToken);
        }
        else if (roll < 85)
        {
            await CreateCustomerAsync(connection, cancellationToken);
        }
        else
        {
            await DeleteOrderAsync(connection, cancellationToken);
        }
    }

    private async Task CreateOrderAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var customer = _customers[_random.Next(_customers.Count)];
        var cents = _random.Next(1_000, 50_000);
        var eventId = Guid.NewGuid();
        await using var tx = await connection.BeginTransactionAsync(cancellationToken);
        await using var insert = new NpgsqlCommand("INSERT INTO orders (customer_id, total) VALUES ($1, $2) RETURNING id", connection, tx);
        insert.Parameters.AddWithValue(customer);
        insert.Parameters.AddWithValue(cents / 100m);
        var id = (int)(await insert.ExecuteScalarAsync(cancellationToken))!;
        var payload = string.Create(CultureInfo.InvariantCulture,
            $$"""{"event_id":"{{eventId}}","order_id":{{id}},"customer_id":{{customer}},"total_cents":{{cents}},"status":"created"}""");
        await InsertOutboxAsync(connection, tx, eventId, id, "OrderCreated", payload, cancellationToken);
        await tx.CommitAsync(cancellationToken);
        var now = _time.GetTimestamp();
        _commits.Committed(CommitLog.RowKey("orders", id, 0), now);
        _commits.Committed(CommitLog.EventKey(eventId.ToString()), now);
        _openOrders.Add(id);
        _orderRevs[id] = 0;
        Counters.Add(inserts: 1, updates: 0, deletes: 0, outbox: 1);
    }

    private async Task ShipOrderAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var index = _random.Next(_openOrders.Count);
        var id = _openOrders[index];
        var rev = _orderRevs[id] + 1;
        var eventId = Guid.NewGuid();
        await using var tx = await connection.BeginTransactionAsync(cancellationToken);
        await using var update = new NpgsqlCommand(
            "UPDATE orders SET status = 'shipped', rev = $2, updated_at = now() WHERE id = $1", connection, tx);
        update.Parameters.AddWithValue(id);
        update.Parameters.AddWithValue(rev);
        await update.ExecuteNonQueryAsync(cancellationToken);
        var carrier = _random.Next(3) switch { 0 => "DHL", 1 => "UPS", _ => "PostNL" };

        // One shipment in a hundred comes from a "legacy" writer whose payload is a JSON string, not an object: the
        // EventRouter routes it, the Parquet writer cannot store it, and errors.tolerance=all sends it to the DLQ.
        var malformed = _random.Next(100) == 0;
        var payload = malformed
            ? string.Create(CultureInfo.InvariantCulture, $"\"legacy v1 event: order-{id} shipped by {carrier}\"")
            : string.Create(CultureInfo.InvariantCulture,
                $$"""{"event_id":"{{eventId}}","order_id":{{id}},"carrier":"{{carrier}}","status":"shipped"}""");
        await InsertOutboxAsync(connection, tx, eventId, id, "OrderShipped", payload, cancellationToken);
        await tx.CommitAsync(cancellationToken);
        var now = _time.GetTimestamp();
        _commits.Committed(CommitLog.RowKey("orders", id, rev), now);
        _commits.Committed(CommitLog.EventKey(eventId.ToString()), now);
        _orderRevs[id] = rev;
        _openOrders.RemoveAt(index);
        _shippedOrders.Add(id);
        if (malformed)
        {
            Counters.AddMalformed();
        }

        Counters.Add(inserts: 0, updates: 1, deletes: 0, outbox: 1);
    }

    private async Task UpdateCustomerAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var id = _customers[_random.Next(_customers.Count)];
        var rev = _customerRevs[id] + 1;
        await using var update = new NpgsqlCommand(
            "UPDATE customers SET email = $2, rev = $3, updated_at = now() WHERE id = $1", connection);
        update.Parameters.AddWithValue(id);
        update.Parameters.AddWithValue(string.Create(CultureInfo.InvariantCulture, $"customer{id}.v{rev}@example.com"));
        update.Parameters.AddWithValue(rev);
        await update.ExecuteNonQueryAsync(cancellationToken);
        _commits.Committed(CommitLog.RowKey("customers", id, rev), _time.GetTimestamp());
        _customerRevs[id] = rev;
        Counters.Add(inserts: 0, updates: 1, deletes: 0, outbox: 0);
    }

    private async Task CreateCustomerAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var insert = new NpgsqlCommand(
            "INSERT INTO customers (name, email) VALUES ('customer ' || $1, 'new' || $1 || '@example.com') RETURNING id", connection);
        insert.Parameters.AddWithValue(Guid.NewGuid().ToString("N")[..8]);
        var id = (int)(await insert.ExecuteScalarAsync(cancellationToken))!;
        _commits.Committed(CommitLog.RowKey("customers", id, 0), _time.GetTimestamp());
        _customers.Add(id);
        _customerRevs[id] = 0;
        Counters.Add(inserts: 1, updates: 0, deletes: 0, outbox: 0);
    }

    private async Task DeleteOrderAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var from = _shippedOrders.Count > 0 ? _shippedOrders : _openOrders;
        var index = _random.Next(from.Count);
        var id = from[index];
        await using var delete = new NpgsqlCommand("DELETE FROM orders WHERE id = $1", connection);
        delete.Parameters.AddWithValue(id);
        await delete.ExecuteNonQueryAsync(cancellationToken);
        from.RemoveAt(index);
        _orderRevs.Remove(id);
        Counters.Add(inserts: 0, updates: 0, deletes: 1, outbox: 0);
    }

    private static async Task InsertOutboxAsync(
        NpgsqlConnection connection, NpgsqlTransaction tx, Guid eventId, int orderId, string eventType, string payload, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            "INSERT INTO outbox (id, aggregate_type, aggregate_id, event_type, payload) VALUES ($1, 'order', $2, $3, $4)", connection, tx);
        command.Parameters.AddWithValue(eventId);
        command.Parameters.AddWithValue("order-" + orderId.ToString(CultureInfo.InvariantCulture));
        command.Parameters.AddWithValue(eventType);
        command.Parameters.Add(new NpgsqlParameter { Value = payload, NpgsqlDbType = NpgsqlDbType.Jsonb });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
