namespace Serverless.Connect.Configuration.Internal;

/// <summary>A sequence (YAML) or array (JSON).</summary>
internal sealed record DocSequence(IReadOnlyList<DocNode> Items, int Line, int Column) : DocNode(Line, Column)
{
    public override string KindName => "sequence";
}
