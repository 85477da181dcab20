namespace Serverless.Connect.Demo.Internal;

/// <summary>A topic and how many records it holds.</summary>
internal sealed record TopicSummary(string Name, long Records);
