using Serverless.Connect.Hosting.Kafka;

namespace Serverless.Connect.Demo.Internal;

/// <summary>A sink task the demo started: its host, its run and the topics it reads.</summary>
internal sealed record RunningSink(StandaloneSinkHost Host, Task<SinkTaskStatus> Run, IReadOnlyList<string> Topics);
