using Microsoft.Extensions.Logging;

namespace Serverless.Connect.Sinks.Elasticsearch;

/// <summary>The Elasticsearch sink as a host runs it: validates the settings and creates <see cref="ElasticsearchSinkTask"/>.</summary>
public sealed class ElasticsearchSinkConnector : ISinkConnectorPlugin
{
    /// <summary>Gets the shared instance.</summary>
    public static ElasticsearchSinkConnector Instance { get; } = new();

    /// <inheritdoc/>
    public string ClassName => ElasticsearchSinkPlugin.ClassName;

    /// <inheritdoc/>
    public IReadOnlyList<string> Aliases { get; } = ["ElasticsearchSinkConnector"];

    /// <inheritdoc/>
    public ISinkTask CreateTask(IReadOnlyDictionary<string, string> values, SinkTaskContext context)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(context);
        var options = ElasticsearchSinkOptions.FromConfig(values);
        return new ElasticsearchSinkTask(options, context.LoggerFactory.CreateLogger<ElasticsearchSinkTask>(), context.TimeProvider);
    }
}
