namespace Serverless.Connect.Transforms.Debezium.Internal;

/// <summary>What happens to a tombstone (null value) arriving at ExtractNewRecordState.</summary>
internal enum TombstoneAction
{
    Drop,
    Keep,
}
