namespace Serverless.Connect.Transforms.Debezium.Internal;

/// <summary>The values of <c>delete.tombstone.handling.mode</c>.</summary>
internal enum DeleteTombstoneHandling
{
    Drop,
    Tombstone,
    Rewrite,
    RewriteWithTombstone,
    DeleteToTombstone,
}
