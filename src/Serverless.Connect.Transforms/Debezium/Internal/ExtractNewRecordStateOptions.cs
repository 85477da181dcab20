namespace Serverless.Connect.Transforms.Debezium.Internal;

/// <summary>The parsed settings of ExtractNewRecordState.</summary>
internal sealed record ExtractNewRecordStateOptions
{
    public required DeleteStrategy Strategy { get; init; }

    public required bool UsesLegacyDeleteHandling { get; init; }

    public string? RouteByField { get; init; }

    public IReadOnlyList<FieldReference> AddFields { get; init; } = [];

    public IReadOnlyList<FieldReference> AddHeaders { get; init; } = [];

    public string? DropFieldsHeaderName { get; init; }

    public bool DropFieldsFromKey { get; init; }

    public bool DropFieldsKeepSchemaCompatible { get; init; } = true;

    public bool ReplaceNullWithDefault { get; init; } = true;

    public bool UnwrapSchemaless { get; init; }
}
