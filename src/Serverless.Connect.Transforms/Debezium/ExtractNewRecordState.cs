using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Serverless.Connect.Configuration.Validation;
using Serverless.Connect.Data;
using Serverless.Connect.Transforms.Debezium.Internal;

namespace Serverless.Connect.Transforms.Debezium;

/// <summary>
/// Debezium's event flattening SMT (<c>io.debezium.transforms.ExtractNewRecordState</c>, 2.7 semantics): replaces a
/// change-event envelope with its <c>after</c> row state, handles deletes and tombstones per
/// <c>delete.tombstone.handling.mode</c> (or the deprecated <c>drop.tombstones</c>/<c>delete.handling.mode</c>), and can
/// copy envelope metadata into fields or headers, route by a column and drop fields named in a header.
/// </summary>
/// <remarks>
/// Records whose value schema is not named <c>*.Envelope</c> (heartbeats, schema changes, already flattened rows) pass
/// through unchanged. See <c>Debezium/README.md</c> for the exact behaviour and the differences to Debezium 2.4 and 3.x.
/// </remarks>
public sealed class ExtractNewRecordState : ITransformation
{
    /// <summary>The Debezium class name users put in <c>transforms.&lt;alias&gt;.type</c>.</summary>
    public const string ClassName = "io.debezium.transforms.ExtractNewRecordState";

    private static readonly ConfigDef s_definition = ExtractNewRecordStateConfig.Create();

    private readonly ILogger _logger;
    private ExtractNewRecordStateOptions? _options;
    private StructUnwrapper? _structs;
    private MapUnwrapper? _maps;

    /// <summary>Creates the transform; call <see cref="Configure"/> before <see cref="Apply"/>.</summary>
    /// <param name="logger">Receives the warnings Debezium logs; none when null.</param>
    public ExtractNewRecordState(ILogger? logger = null)
    {
        _logger = logger ?? NullLogger.Instance;
    }

    /// <summary>The configuration definition (a copy; changing it does not affect the transform).</summary>
    public static ConfigDef ConfigDef => new(s_definition);

    /// <inheritdoc />
    public void Configure(IReadOnlyDictionary<string, string> config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var options = ExtractNewRecordStateConfig.Parse(s_definition.Parse(config));
        if (options.UsesLegacyDeleteHandling)
        {
            // Debezium 2.7 logs this whenever delete.tombstone.handling.mode is unset, legacy keys set or not.
            DebeziumLog.LegacyDeleteHandling(_logger);
        }

        _structs = new StructUnwrapper(options);
        _maps = new MapUnwrapper(options);
        _options = options;
    }

    /// <inheritdoc />
    public ConnectRecord? Apply(ConnectRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var options = _options ?? throw new InvalidOperationException("ExtractNewRecordState is not configured.");
        if (record.Value is null)
        {
            return ApplyTombstone(record, options);
        }

        if (Envelope.IsEnvelope(record))
        {
            var envelope = Internal.Requirements.Struct(record.Value, "Read envelope");
            var withHeaders = options.AddHeaders.Count == 0 ? record : record with { Headers = _structs!.MakeHeaders(record.Headers, envelope) };
            return _structs!.Apply(withHeaders);
        }

        if (options.UnwrapSchemaless && MapUnwrapper.AsEnvelope(record) is { } map)
        {
            var withHeaders = options.AddHeaders.Count == 0 ? record : record with { Headers = _maps!.MakeHeaders(record.Headers, map) };
            return _maps!.Apply(withHeaders, map);
        }

        return record;
    }

    /// <inheritdoc />
    public void Dispose()
    {
    }

    private ConnectRecord? ApplyTombstone(ConnectRecord record, ExtractNewRecordStateOptions options)
    {
        if (options.Strategy.Tombstones == TombstoneAction.Drop)
        {
            return null;
        }

        return options.AddHeaders.Count == 0 ? record : record with { Headers = _structs!.MakeHeaders(record.Headers, null) };
    }
}
