namespace Serverless.Connect.Transforms.Internal;

/// <summary>Which half of a record a <c>$Key</c>/<c>$Value</c> transform works on (Kafka's nested Key and Value classes).</summary>
internal enum RecordPart
{
    /// <summary>The record key and key schema.</summary>
    Key,

    /// <summary>The record value and value schema.</summary>
    Value,
}
