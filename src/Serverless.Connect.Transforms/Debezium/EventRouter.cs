using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Serverless.Connect.Configuration;
using Serverless.Connect.Configuration.Validation;
using Serverless.Connect.Data;
using Serverless.Connect.Transforms.Debezium.Internal;

namespace Serverless.Connect.Transforms.Debezium;

/// <summary>
/// Debezium's Outbox Event Router (<c>io.debezium.transforms.outbox.EventRouter</c>, 2.7 semantics): turns inserts into
/// an outbox table into events on a topic derived from a column (<c>route.by.field</c>), keyed by the aggregate id, with
/// the event id in the <c>id</c> header and the payload column (optionally expanded from JSON) as the value.
/// </summary>
/// <remarks>
/// Creates and snapshot reads are routed; deletes and tombstones are dropped; updates follow
/// <c>table.op.invalid.behavior</c>. Records that are not Debezium envelopes pass through. See <c>Debezium/README.md</c>.
/// </remarks>
public sealed class EventRouter : ITransformation
{
    /// <summary>The Debezium class name users put in <c>transforms.&lt;alias&gt;.type</c>.</summary>
    public const string ClassName = "io.debezium.transforms.outbox.EventRouter";

    private static readonly ConfigDef s_definition = EventRouterConfig.Create();

    private readonly ILogger _logger;
    private OutboxRouter? _router;

    /// <summary>Creates the transform; call <see cref="Configure"/> before <see cref="Apply"/>.</summary>
    /// <param name="logger">Receives the warnings and errors Debezium logs; none when null.</param>
    public EventRouter(ILogger? logger = null)
    {
        _logger = logger ?? NullLogger.Instance;
    }

    /// <summary>The configuration definition (a copy; changing it does not affect the transform).</summary>
    public static ConfigDef ConfigDef => new(s_definition);

    /// <inheritdoc />
    public void Configure(IReadOnlyDictionary<string, string> config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var options = EventRouterConfig.Parse(s_definition.Parse(config));
        try
        {
            options.RouteTopicRegex.ValidateReplacement(options.RouteTopicReplacement);
        }
        catch (ArgumentException e)
        {
            throw new ConfigException(EventRouterConfig.RouteTopicReplacement, options.RouteTopicReplacement, e.Message);
        }

        _router = new OutboxRouter(options, _logger);
    }

    /// <inheritdoc />
    /// <exception cref="Errors.ConnectException">
    /// An update arrived with <c>table.op.invalid.behavior=fatal</c>, or a configured column (payload, timestamp,
    /// envelope placement) is missing from the outbox row.
    /// </exception>
    public ConnectRecord? Apply(ConnectRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var router = _router ?? throw new InvalidOperationException("EventRouter is not configured.");
        return router.Apply(record);
    }

    /// <inheritdoc />
    public void Dispose()
    {
    }
}
