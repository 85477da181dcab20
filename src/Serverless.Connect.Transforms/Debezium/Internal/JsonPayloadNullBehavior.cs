namespace Serverless.Connect.Transforms.Debezium.Internal;

/// <summary><c>table.json.payload.null.behavior</c>: JSON nulls are left out of the inferred schema, or typed as optional bytes.</summary>
internal enum JsonPayloadNullBehavior
{
    Ignore,
    OptionalBytes,
}
