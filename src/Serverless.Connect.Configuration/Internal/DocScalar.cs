namespace Serverless.Connect.Configuration.Internal;

/// <summary>A scalar; <see cref="Text"/> is the string Kafka Connect receives, null for a null value.</summary>
internal sealed record DocScalar(string? Text, ScalarKind Kind, int Line, int Column) : DocNode(Line, Column)
{
    public override string KindName => Kind == ScalarKind.Null ? "null" : "scalar";
}
