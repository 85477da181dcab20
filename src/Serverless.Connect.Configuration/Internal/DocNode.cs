namespace Serverless.Connect.Configuration.Internal;

/// <summary>A format-neutral document node (YAML or JSON), already reduced to what Kafka Connect would see.</summary>
/// <param name="Line">1-based line of the node's start, 0 when unknown.</param>
/// <param name="Column">1-based column of the node's start, 0 when unknown.</param>
internal abstract record DocNode(int Line, int Column)
{
    public abstract string KindName { get; }
}
