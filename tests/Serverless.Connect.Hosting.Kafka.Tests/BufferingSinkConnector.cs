using Serverless.Connect.Sinks;

namespace Serverless.Connect.Hosting.Kafka.Tests;

/// <summary>Registers one <see cref="BufferingSinkTask"/> instance under a test connector class.</summary>
internal sealed class BufferingSinkConnector(BufferingSinkTask task) : ISinkConnectorPlugin
{
    public const string Class = "test.BufferingSinkConnector";

    public string ClassName => Class;

    public IReadOnlyList<string> Aliases => [];

    public SinkTaskContext? Context { get; private set; }

    public ISinkTask CreateTask(IReadOnlyDictionary<string, string> values, SinkTaskContext context)
    {
        Context = context;
        return task;
    }
}
