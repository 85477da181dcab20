using Serverless.Connect.Data;

namespace Serverless.Connect.Sources.Postgres.Internal;

/// <summary>What the <c>source</c> block of one event says about where it came from.</summary>
/// <param name="CommitTime">Commit time (snapshot: read time).</param>
/// <param name="Snapshot">The snapshot marker, or null while streaming.</param>
/// <param name="TxId">The transaction id.</param>
/// <param name="Lsn">The event's LSN.</param>
/// <param name="LastCommitLsn">The previous commit's LSN, for <c>sequence</c>.</param>
/// <param name="Transaction">The <c>transaction</c> block, or null.</param>
internal readonly record struct SourcePosition(DateTime CommitTime, string? Snapshot, long? TxId, ulong Lsn, ulong? LastCommitLsn, Struct? Transaction);
