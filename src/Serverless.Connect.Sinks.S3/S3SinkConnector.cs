using Microsoft.Extensions.Logging;

namespace Serverless.Connect.Sinks.S3;

/// <summary>The S3 sink as a host runs it: validates the settings and creates <see cref="S3SinkTask"/>.</summary>
public sealed class S3SinkConnector : ISinkConnectorPlugin
{
    /// <summary>Gets the shared instance.</summary>
    public static S3SinkConnector Instance { get; } = new();

    /// <inheritdoc/>
    public string ClassName => S3SinkPlugin.ClassName;

    /// <inheritdoc/>
    public IReadOnlyList<string> Aliases { get; } = ["S3SinkConnector"];

    /// <inheritdoc/>
    public ISinkTask CreateTask(IReadOnlyDictionary<string, string> values, SinkTaskContext context)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(context);
        var options = S3SinkOptions.FromConfig(values) with { ConnectorName = context.ConnectorName };
        return new S3SinkTask(options, context.Host, context.LoggerFactory.CreateLogger<S3SinkTask>(), context.TimeProvider);
    }
}
