namespace Serverless.Connect.Errors;

/// <summary>
/// The pipeline stage in which an error happened; mirrors Kafka Connect's <c>Stage</c> enum used in logs and in the
/// <c>__connect.errors.stage</c> dead-letter header. Use <see cref="ErrorStageExtensions.ToConnectName"/> for the wire name.
/// </summary>
public enum ErrorStage
{
    /// <summary>Converting the record key (<c>KEY_CONVERTER</c>).</summary>
    KeyConverter,

    /// <summary>Converting the record value (<c>VALUE_CONVERTER</c>).</summary>
    ValueConverter,

    /// <summary>Converting headers (<c>HEADER_CONVERTER</c>).</summary>
    HeaderConverter,

    /// <summary>Applying a single message transform (<c>TRANSFORMATION</c>).</summary>
    Transformation,

    /// <summary>Delivering records to a sink task (<c>TASK_PUT</c>).</summary>
    TaskPut,

    /// <summary>Polling records from a source task (<c>TASK_POLL</c>).</summary>
    TaskPoll,

    /// <summary>Producing to Kafka (<c>KAFKA_PRODUCE</c>).</summary>
    Producer,

    /// <summary>Consuming from Kafka (<c>KAFKA_CONSUME</c>).</summary>
    Consumer,
}
