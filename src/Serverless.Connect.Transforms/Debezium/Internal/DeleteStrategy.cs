namespace Serverless.Connect.Transforms.Debezium.Internal;

/// <summary>
/// What ExtractNewRecordState does with tombstones, deletes and inserts/updates: Debezium's
/// <c>DefaultDeleteHandlingStrategy</c> when <c>delete.tombstone.handling.mode</c> is set, otherwise its
/// <c>LegacyDeleteHandlingStrategy</c> driven by <c>drop.tombstones</c> and <c>delete.handling.mode</c>.
/// </summary>
internal sealed record DeleteStrategy(TombstoneAction Tombstones, DeleteAction Deletes, bool Rewrite)
{
    public static DeleteStrategy For(DeleteTombstoneHandling mode) => mode switch
    {
        DeleteTombstoneHandling.Drop => new(TombstoneAction.Drop, DeleteAction.Drop, Rewrite: false),
        DeleteTombstoneHandling.Tombstone => new(TombstoneAction.Drop, DeleteAction.NullValueKeepSchema, Rewrite: false),
        DeleteTombstoneHandling.Rewrite => new(TombstoneAction.Drop, DeleteAction.RewriteBefore, Rewrite: true),
        DeleteTombstoneHandling.RewriteWithTombstone => new(TombstoneAction.Keep, DeleteAction.RewriteBefore, Rewrite: true),
        DeleteTombstoneHandling.DeleteToTombstone => new(TombstoneAction.Drop, DeleteAction.Tombstone, Rewrite: false),
        _ => throw new ArgumentOutOfRangeException(nameof(mode), mode, null),
    };

    public static DeleteStrategy ForLegacy(LegacyDeleteHandling handleDeletes, bool dropTombstones) => new(
        dropTombstones ? TombstoneAction.Drop : TombstoneAction.Keep,
        handleDeletes switch
        {
            LegacyDeleteHandling.Drop => DeleteAction.Drop,
            LegacyDeleteHandling.None => DeleteAction.NullValueKeepSchema,
            _ => DeleteAction.RewriteBefore,
        },
        Rewrite: handleDeletes == LegacyDeleteHandling.Rewrite);
}
