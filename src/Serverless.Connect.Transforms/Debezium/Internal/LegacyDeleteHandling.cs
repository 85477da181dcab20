namespace Serverless.Connect.Transforms.Debezium.Internal;

/// <summary>The values of the deprecated <c>delete.handling.mode</c>.</summary>
internal enum LegacyDeleteHandling
{
    Drop,
    Rewrite,
    None,
}
