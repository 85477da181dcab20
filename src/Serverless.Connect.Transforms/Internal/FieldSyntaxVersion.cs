namespace Serverless.Connect.Transforms.Internal;

/// <summary>Kafka's <c>field.syntax.version</c> (KIP-821): how a configured field name is read.</summary>
internal enum FieldSyntaxVersion
{
    /// <summary>The name is one top-level field, dots included (the default, as before KIP-821).</summary>
    V1,

    /// <summary>Dots separate nested steps; a step wrapped in backticks may contain dots.</summary>
    V2,
}
