using Serverless.Connect.Converters;
using Serverless.Connect.Data;
using Serverless.Connect.Errors;

namespace Serverless.Connect.Sinks.Elasticsearch.Internal;

/// <summary>Turns records into bulk operations with Confluent's id, index, versioning and null-value rules.</summary>
internal sealed class RecordConverter
{
    private const string NullValueMessage = "Cannot write null valued record.";

    private readonly ElasticsearchSinkOptions _options;
    private readonly PayloadPreprocessor _preprocessor;
    private readonly JsonConverter _json = new(new JsonConverterConfig { SchemasEnabled = false });

    public RecordConverter(ElasticsearchSinkOptions options)
    {
        _options = options;
        _preprocessor = new PayloadPreprocessor(options.CompactMapEntries);
    }

    public ConversionResult Convert(ConnectRecord record, int recordIndex)
    {
        try
        {
            return ConvertOrThrow(record, recordIndex);
        }
        catch (ConnectException e)
        {
            var error = new SinkRecordError(e.Message, Exception: e);
            var status = _options.DropInvalidMessage ? SinkRecordStatus.Malformed : SinkRecordStatus.Failed;
            return new ConversionResult(null, new SinkRecordOutcome(record, status, error));
        }
    }

    private ConversionResult ConvertOrThrow(ConnectRecord record, int recordIndex)
    {
        var index = _options.IsDataStream
            ? IndexNames.ForDataStream(_options.DataStreamType, _options.DataStreamDataset, _options.DataStreamNamespace, record.Topic)
            : IndexNames.ForTopic(record.Topic);
        var ignoreKey = _options.ShouldIgnoreKey(record.Topic);
        if (record.Value is null)
        {
            switch (_options.BehaviorOnNullValues)
            {
                case NullValueBehavior.Ignore:
                    return Skipped(record, new SinkRecordError(NullValueMessage));
                case NullValueBehavior.Delete when record.Key is null:
                    // Nothing can be deleted without an id; the coordinates id of a null-keyed record never existed.
                    return Skipped(record, null);
                case NullValueBehavior.Delete:
                    break;
                default:
                    throw new DataException(
                        $"{Describe(record)} has a null value (to ignore future records like this change the configuration property "
                        + $"'{ElasticsearchSinkConfig.BehaviorOnNullValues}' from 'FAIL' to 'IGNORE')");
            }
        }

        var id = ignoreKey ? DocumentIds.FromCoordinates(record) : DocumentIds.FromKey(record.KeySchema, record.Key);
        var versioned = !ignoreKey && !_options.IsDataStream;
        if (record.Value is null)
        {
            return Operation(new BulkOperation(recordIndex, BulkAction.Delete, index, id, versioned ? record.KafkaOffset : null, null, default));
        }

        var document = Payload(record);
        if (_options.IsDataStream)
        {
            document = DataStreamTimestamp.Add(document, record.Timestamp, _options.DataStreamTimestampFields);
            return Operation(new BulkOperation(recordIndex, BulkAction.Create, index, id, null, null, document));
        }

        return _options.WriteMethod == WriteMethod.Upsert
            ? Operation(new BulkOperation(recordIndex, BulkAction.Update, index, id, null, Math.Min(_options.MaxInFlightRequests, 5), document))
            : Operation(new BulkOperation(recordIndex, BulkAction.Index, index, id, versioned ? record.KafkaOffset : null, null, document));
    }

    private byte[] Payload(ConnectRecord record)
    {
        Schema? schema = record.ValueSchema;
        var value = record.Value;
        if (!_options.ShouldIgnoreSchema(record.Topic))
        {
            var processed = _preprocessor.Schema(schema);
            value = _preprocessor.Value(value, schema, processed);
            schema = processed;
        }

        return _json.FromConnectData(record.Topic, null, schema, value)
            ?? throw new DataException("The value converted to a JSON null.");
    }

    private static string Describe(ConnectRecord record) =>
        $"Sink record with key of type '{record.KeySchema?.Type.ToConnectName() ?? "null"}' and null value at topic '{record.Topic}', "
        + $"partition {record.KafkaPartition}, offset {record.KafkaOffset}";

    private static ConversionResult Operation(BulkOperation operation) => new(operation, null);

    private static ConversionResult Skipped(ConnectRecord record, SinkRecordError? error) =>
        new(null, new SinkRecordOutcome(record, SinkRecordStatus.Skipped, error));
}
