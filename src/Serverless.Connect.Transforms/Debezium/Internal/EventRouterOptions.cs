namespace Serverless.Connect.Transforms.Debezium.Internal;

/// <summary>The parsed settings of the outbox EventRouter.</summary>
internal sealed record EventRouterOptions
{
    public required string FieldEventId { get; init; }

    public string? FieldEventKey { get; init; }

    public string? FieldEventType { get; init; }

    public bool FieldEventTypeIsSet { get; init; }

    public string? FieldEventTimestamp { get; init; }

    public required string FieldPayload { get; init; }

    public string? FieldSchemaVersion { get; init; }

    public IReadOnlyList<AdditionalField> AdditionalFields { get; init; } = [];

    public bool ErrorOnMissingAdditionalField { get; init; } = true;

    public InvalidOperationBehavior InvalidOperationBehavior { get; init; }

    public required string RouteByField { get; init; }

    public bool RouteByFieldIsSet { get; init; }

    public bool RouteByEventTypeFallback { get; init; } = true;

    public required Serverless.Connect.Text.JavaRegex RouteTopicRegex { get; init; }

    public required string RouteTopicReplacement { get; init; }

    public bool RouteTombstoneOnEmptyPayload { get; init; }

    public bool ExpandJsonPayload { get; init; }

    public JsonPayloadNullBehavior JsonNullBehavior { get; init; }

    public JsonPayloadEmptyArrayBehavior JsonEmptyArrayBehavior { get; init; }

    public FieldNameAdjustment FieldNameAdjustment { get; init; }

    /// <summary>Whether the value is the bare payload (no <c>envelope</c> placement) rather than a struct around it.</summary>
    public bool OnlyPayloadInValue => AdditionalFields.All(f => f.Placement != AdditionalFieldPlacement.Envelope);
}
