using System.Diagnostics;
using System.Text.Json.Nodes;
using Serverless.Connect.Sinks.Elasticsearch.Tests.Contract;

namespace Serverless.Connect.Bench.EndToEnd;

/// <summary>
/// The <see cref="Stopwatch"/> time each document id first reached the Elasticsearch contract server (its bulk item
/// was read), plus how many items arrived again (redeliveries).
/// </summary>
internal sealed class ArrivalLog
{
    private readonly long[] _arrived;
    private readonly long[] _kafkaTimestamp;
    private readonly long _firstId;
    /// <summary>The field the sink's InsertField puts the Kafka record timestamp in.</summary>
    public const string KafkaTimestampField = "kafka_ts";

    private long _again;
    private long _count;

    public ArrivalLog(long firstId, int capacity)
    {
        _firstId = firstId;
        _arrived = new long[capacity];
        _kafkaTimestamp = new long[capacity];
    }

    public long Count => Interlocked.Read(ref _count);

    public long Again => Interlocked.Read(ref _again);

    public long ArrivedAt(long id) => Volatile.Read(ref _arrived[id - _firstId]);

    /// <summary>Gets the Kafka record timestamp (ms since the epoch) the sink copied into the document (0 if none).</summary>
    public long KafkaTimestamp(long id) => _kafkaTimestamp[id - _firstId];

    /// <summary>Records every item the server reads, and lets it apply (no fault).</summary>
    public void Attach(ElasticsearchContractServer server) =>
        server.Faults.ItemFault = item =>
        {
            var now = Stopwatch.GetTimestamp();
            if (long.TryParse(item.Id, out var id) && id >= _firstId && id - _firstId < _arrived.Length)
            {
                if (Interlocked.CompareExchange(ref _arrived[id - _firstId], now, 0) == 0)
                {
                    // An upsert item carries the document under "doc".
                    var document = item.Source?["doc"] as JsonObject ?? item.Source;
                    if (document?[KafkaTimestampField] is JsonValue ts && ts.TryGetValue<long>(out var ms))
                    {
                        _kafkaTimestamp[id - _firstId] = ms;
                    }

                    Interlocked.Increment(ref _count);
                }
                else
                {
                    Interlocked.Increment(ref _again);
                }
            }

            return null;
        };

    /// <summary>Whether every id from <paramref name="first"/> to <paramref name="last"/> has arrived.</summary>
    public bool AllArrived(long first, long last)
    {
        for (var id = first; id <= last; id++)
        {
            if (ArrivedAt(id) == 0)
            {
                return false;
            }
        }

        return true;
    }
}
