using Microsoft.Extensions.Logging;
using Serverless.Connect.Data;
using Serverless.Connect.Data.Debezium;
using Serverless.Connect.Errors;

namespace Serverless.Connect.Transforms.Debezium.Internal;

/// <summary>The per-record logic of the outbox EventRouter (Debezium's <c>EventRouterDelegate</c>).</summary>
internal sealed class OutboxRouter
{
    private const string EnvelopePayload = "payload";
    private const string IdHeader = "id";

    private readonly EventRouterOptions _options;
    private readonly ILogger _logger;
    private readonly JsonSchemaInference _json;
    private readonly BoundedCache<ValueSchemaKey, Schema> _valueSchemas = new(10_000);
    private int _fallbackWarned;

    public OutboxRouter(EventRouterOptions options, ILogger logger)
    {
        _options = options;
        _logger = logger;
        _json = new JsonSchemaInference(options.JsonNullBehavior, options.JsonEmptyArrayBehavior, options.FieldNameAdjustment);
    }

    public ConnectRecord? Apply(ConnectRecord record)
    {
        if (record.Value is null)
        {
            DebeziumLog.OutboxTombstoneIgnored(_logger, RecordText.Key(record.Key));
            return null;
        }

        // Heartbeats, schema change events and other non-envelope records pass through.
        if (!Envelope.IsEnvelope(record))
        {
            return record;
        }

        var envelope = Requirements.Struct(record.Value, "Detect Debezium Operation");
        switch (envelope.GetString(Envelope.Operation))
        {
            case Envelope.Delete:
                // Applications may insert and delete the outbox row in one transaction; the delete is not an event.
                DebeziumLog.OutboxDeleteIgnored(_logger, RecordText.Key(record.Key));
                return null;
            case Envelope.Update:
                HandleUpdate(record);
                return null;
        }

        var afterField = envelope.Schema.FieldByName(Envelope.After) ?? throw new DataException("Unknown field: " + Envelope.After);
        var row = Requirements.Struct(envelope.Get(afterField), "Read Outbox Event");
        return Route(record, envelope, row, afterField.Schema);
    }

    private ConnectRecord Route(ConnectRecord record, Struct envelope, Struct row, Schema rowSchema)
    {
        var payloadField = rowSchema.FieldByName(_options.FieldPayload)
            ?? throw new ConnectException($"Unable to find payload field {_options.FieldPayload} in event");
        var payloadSchema = payloadField.Schema;
        var timestamp = EventTimestamp(envelope, row);
        var eventId = row.Get(_options.FieldEventId);
        var payload = row.Get(payloadField);
        var headers = record.Headers.Add(IdHeader, rowSchema.FieldByName(_options.FieldEventId)!.Schema, eventId);

        if (_options.ExpandJsonPayload)
        {
            (payloadSchema, payload) = Expand(record, payloadSchema, payload);
        }

        var routeField = RouteField(rowSchema);
        var routedValue = row.GetString(routeField);
        StructBuilder? envelopeValue = null;
        if (!_options.OnlyPayloadInValue)
        {
            var version = _options.FieldSchemaVersion is null ? null : row.GetInt32(_options.FieldSchemaVersion);
            envelopeValue = new StructBuilder(ValueSchema(payloadSchema, rowSchema, routedValue, version)).Put(EnvelopePayload, payload);
        }

        int? partition = null;
        foreach (var additional in _options.AdditionalFields)
        {
            if (!_options.ErrorOnMissingAdditionalField && rowSchema.FieldByName(additional.Field) is null)
            {
                continue;
            }

            switch (additional.Placement)
            {
                case AdditionalFieldPlacement.Envelope:
                    envelopeValue!.Put(additional.Alias, row.Get(additional.Field));
                    break;
                case AdditionalFieldPlacement.Header:
                    var headerValue = row.Get(additional.Field);
                    headers = headers.Add(additional.Alias, rowSchema.FieldByName(additional.Field)!.Schema, headerValue);
                    break;
                default:
                    partition = row.GetInt32(additional.Field);
                    break;
            }
        }

        var isEmpty = payload is null || (payload is string text && JavaStrings.Trim(text).Length == 0);
        Schema? valueSchema;
        object? value;
        if (isEmpty && _options.RouteTombstoneOnEmptyPayload)
        {
            (valueSchema, value) = (null, null);
        }
        else if (envelopeValue is null)
        {
            (valueSchema, value) = (payloadSchema, payload);
        }
        else
        {
            (valueSchema, value) = (envelopeValue.Schema, envelopeValue.Build());
        }

        var keyField = _options.FieldEventKey is null ? null : rowSchema.FieldByName(_options.FieldEventKey);
        var key = _options.FieldEventKey is null ? null : row.Get(_options.FieldEventKey);
        var topic = Topic(routedValue ?? throw new DataException($"The {routeField} column is null; cannot route the outbox event"));
        return record with
        {
            Topic = topic,
            KafkaPartition = partition,
            KeySchema = keyField?.Schema ?? Schema.StringSchema,
            Key = key,
            ValueSchema = valueSchema,
            Value = value,
            Timestamp = timestamp,
            Headers = headers,
        };
    }

    private (Schema Schema, object? Value) Expand(ConnectRecord record, Schema payloadSchema, object? payload)
    {
        if (payload is string json)
        {
            try
            {
                return _json.Expand(_options.FieldPayload, json);
            }
            catch (Exception e) when (e is System.Text.Json.JsonException or FormatException or ConnectException or OverflowException)
            {
                // As in Debezium the record keeps its unexpanded string; schema and value change together or not at all.
                DebeziumLog.JsonExpansionFailed(_logger, _options.FieldPayload, e.GetType().Name + ": " + e.Message);
            }
        }
        else if (payload is not null)
        {
            DebeziumLog.PayloadNotString(_logger, RecordText.Key(record.Key));
        }

        return (payloadSchema, payload);
    }

    private string RouteField(Schema rowSchema)
    {
        var configured = _options.RouteByField;
        if (rowSchema.FieldByName(configured) is not null || _options.RouteByFieldIsSet || !_options.RouteByEventTypeFallback ||
            !_options.FieldEventTypeIsSet || _options.FieldEventType is not { } eventType || rowSchema.FieldByName(eventType) is null)
        {
            return configured;
        }

        if (Interlocked.Exchange(ref _fallbackWarned, 1) == 0)
        {
            DebeziumLog.RouteByEventTypeFallback(_logger, configured, eventType);
        }

        return eventType;
    }

    private string Topic(string routedValue)
    {
        // Kafka's RegexRouter: only a full match is replaced; otherwise the value itself is the topic.
        return _options.RouteTopicRegex.Matches(routedValue)
            ? _options.RouteTopicRegex.ReplaceFirst(routedValue, _options.RouteTopicReplacement)
            : routedValue;
    }

    private long? EventTimestamp(Struct envelope, Struct row)
    {
        if (_options.FieldEventTimestamp is not { } name)
        {
            return envelope.GetInt64(Envelope.Timestamp);
        }

        var field = row.Schema.FieldByName(name) ?? throw new ConnectException($"Unable to find timestamp field {name} in event");
        if (row.GetInt64(name) is not { } timestamp)
        {
            return envelope.GetInt64(Envelope.Timestamp);
        }

        return field.Schema.Name switch
        {
            null => throw new ConnectException(
                $"Unsupported field type {field.Schema.Type.ToConnectName()} (without logical schema name) for event timestamp"),
            DebeziumTime.TimestampName => timestamp,
            DebeziumTime.MicroTimestampName => timestamp / 1_000,
            DebeziumTime.NanoTimestampName => timestamp / 1_000_000,
            var other => throw new ConnectException($"Unsupported field type {other} for event timestamp"),
        };
    }

    private void HandleUpdate(ConnectRecord record)
    {
        var key = RecordText.Key(record.Key);
        switch (_options.InvalidOperationBehavior)
        {
            case InvalidOperationBehavior.Warn:
                DebeziumLog.UnexpectedUpdateWarn(_logger, key);
                break;
            case InvalidOperationBehavior.Error:
                DebeziumLog.UnexpectedUpdateError(_logger, key);
                break;
            default:
                throw new ConnectException($"Unexpected update message received {key}, fail.");
        }
    }

    private Schema ValueSchema(Schema payloadSchema, Schema rowSchema, string? routedValue, int? version) =>
        _valueSchemas.GetOrAdd(new ValueSchemaKey(payloadSchema, rowSchema, routedValue, version), key =>
        {
            var builder = SchemaBuilder.Struct().Name(SchemaName(key.RowSchema.Name, key.RoutedValue)).Field(EnvelopePayload, key.PayloadSchema);
            if (key.Version is { } v)
            {
                builder.Version(v);
            }

            foreach (var additional in _options.AdditionalFields.Where(f => f.Placement == AdditionalFieldPlacement.Envelope))
            {
                var field = key.RowSchema.FieldByName(additional.Field);
                if (field is null)
                {
                    if (_options.ErrorOnMissingAdditionalField)
                    {
                        throw new ConnectException($"Unable to find field {additional.Field} in event");
                    }

                    continue;
                }

                builder.Field(additional.Alias, field.Schema);
            }

            return builder.Build();
        });

    // The row schema name with the routed value before its last segment: srv.public.outbox.Value -> srv.public.outbox.Order.Value.
    private static string? SchemaName(string? rowSchemaName, string? routedValue)
    {
        if (rowSchemaName is null)
        {
            return routedValue;
        }

        var lastDot = rowSchemaName.LastIndexOf('.');
        return lastDot < 0
            ? routedValue + "." + rowSchemaName
            : string.Concat(rowSchemaName.AsSpan(0, lastDot + 1), routedValue, ".", rowSchemaName.AsSpan(lastDot + 1));
    }

    private sealed record ValueSchemaKey(Schema PayloadSchema, Schema RowSchema, string? RoutedValue, int? Version);
}
