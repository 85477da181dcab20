using System.Collections.Concurrent;

namespace Serverless.Connect.Demo.Internal;

/// <summary>
/// When each change the load generator made was committed (a monotonic timestamp), keyed by what a downstream record
/// carries: <c>orders:id:rev</c>, <c>customers:id:rev</c> and <c>event:uuid</c>.
/// </summary>
internal sealed class CommitLog
{
    private readonly ConcurrentDictionary<string, long> _commits = new(StringComparer.Ordinal);

    public static string RowKey(string table, long id, long rev) => $"{table}:{id}:{rev}";

    public static string EventKey(string eventId) => "event:" + eventId;

    public void Committed(string key, long timestamp) => _commits[key] = timestamp;

    public long? Find(string key) => _commits.TryGetValue(key, out var timestamp) ? timestamp : null;
}
