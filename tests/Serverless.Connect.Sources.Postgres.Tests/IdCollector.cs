using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Confluent.Kafka;

namespace Serverless.Connect.Sources.Postgres.Tests;

/// <summary>
/// Consumes a topic from the beginning on a background thread while a test runs, counting how often each
/// <c>after.id</c> arrives (values written with or without JsonConverter schemas).
/// </summary>
internal sealed class IdCollector : IDisposable
{
    private readonly ConcurrentDictionary<int, int> _counts = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Thread _thread;
    private readonly ConcurrentQueue<string> _events = new();
    private long _messages;
    private volatile string _assignment = "none";

    public IdCollector(string bootstrap, string topic)
    {
        _thread = new Thread(() => Run(bootstrap, topic)) { IsBackground = true, Name = "id-collector" };
        _thread.Start();
    }

    public int Distinct => _counts.Count;

    public long Messages => Interlocked.Read(ref _messages);

    public long Duplicates => Messages - Distinct;

    public bool Has(int id) => _counts.ContainsKey(id);

    public async Task WaitForAsync(int distinct, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (Distinct < distinct)
        {
            if (DateTime.UtcNow > deadline)
            {
                // What the consumer saw tells a connector that delivered nothing from a consumer that never got its partitions.
                throw new TimeoutException(
                    $"Only {Distinct} of {distinct} ids arrived within {timeout.TotalSeconds:0} s ({Messages} messages; assignment {_assignment}; " +
                    $"consumer events: {string.Join(" | ", _events.TakeLast(10))})");
            }

            await Task.Delay(100);
        }
    }

    public void Dispose()
    {
        _stop.Cancel();
        _thread.Join(TimeSpan.FromSeconds(10));
        _stop.Dispose();
    }

    private void Run(string bootstrap, string topic)
    {
        using var consumer = new ConsumerBuilder<byte[]?, byte[]?>(new ConsumerConfig
        {
            BootstrapServers = bootstrap,
            GroupId = "ids-" + Guid.NewGuid().ToString("N"),
            AutoOffsetReset = AutoOffsetReset.Earliest,
            EnableAutoCommit = false,
        })
            .SetErrorHandler((_, e) => Note($"error {e.Code}: {e.Reason}"))
            .SetPartitionsAssignedHandler((_, partitions) =>
            {
                _assignment = string.Join(",", partitions.Select(p => p.Partition.Value));
                Note("assigned " + _assignment);
            })
            .SetPartitionsRevokedHandler((_, partitions) => Note("revoked " + string.Join(",", partitions.Select(p => p.Partition.Value))))
            .Build();
        consumer.Subscribe(topic);
        while (!_stop.IsCancellationRequested)
        {
            var result = consumer.Consume(TimeSpan.FromMilliseconds(200));
            if (result?.Message?.Value is not { } value)
            {
                continue;
            }

            var node = JsonNode.Parse(value)!;
            var payload = node["payload"] is JsonObject p && node["schema"] is not null ? p : node;
            if (payload["after"]?["id"] is { } id)
            {
                _counts.AddOrUpdate((int)id, 1, (_, n) => n + 1);
                Interlocked.Increment(ref _messages);
            }
        }

        consumer.Close();
    }

    private void Note(string what)
    {
        _events.Enqueue($"{DateTime.UtcNow:HH:mm:ss.fff} {what}");
        while (_events.Count > 50 && _events.TryDequeue(out _))
        {
        }
    }
}
