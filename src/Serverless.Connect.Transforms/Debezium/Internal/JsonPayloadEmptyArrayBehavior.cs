namespace Serverless.Connect.Transforms.Debezium.Internal;

/// <summary><c>table.json.payload.empty.array.behavior</c> (3.x key, accepted here): empty arrays are left out, or typed as optional string arrays.</summary>
internal enum JsonPayloadEmptyArrayBehavior
{
    Ignore,
    OptionalString,
}
