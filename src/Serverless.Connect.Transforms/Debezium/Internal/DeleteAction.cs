namespace Serverless.Connect.Transforms.Debezium.Internal;

/// <summary>What happens to a delete event (<c>after</c> null, <c>before</c> set).</summary>
internal enum DeleteAction
{
    /// <summary>Dropped.</summary>
    Drop,

    /// <summary>Value null, value schema kept (the <c>after</c> schema): not a Kafka tombstone once converted.</summary>
    NullValueKeepSchema,

    /// <summary>The <c>before</c> state with <c>__deleted="true"</c>.</summary>
    RewriteBefore,

    /// <summary>A real tombstone: value and value schema null (3.2+ <c>delete-to-tombstone</c>).</summary>
    Tombstone,
}
