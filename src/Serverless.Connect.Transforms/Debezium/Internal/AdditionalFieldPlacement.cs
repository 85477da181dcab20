namespace Serverless.Connect.Transforms.Debezium.Internal;

/// <summary>Where an outbox column listed in <c>table.fields.additional.placement</c> goes.</summary>
internal enum AdditionalFieldPlacement
{
    Header,
    Envelope,
    Partition,
}
