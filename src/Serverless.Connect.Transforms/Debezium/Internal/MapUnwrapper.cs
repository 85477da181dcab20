using Serverless.Connect.Data;

namespace Serverless.Connect.Transforms.Debezium.Internal;

/// <summary>
/// ExtractNewRecordState for schemaless envelopes (a map with <c>op</c> and <c>before</c>/<c>after</c>, e.g. from
/// JsonConverter with <c>schemas.enable=false</c>). Debezium passes these through; this runs only with
/// <c>schemaless.envelopes=unwrap</c> and mirrors the struct path on maps.
/// </summary>
internal sealed class MapUnwrapper
{
    private readonly ExtractNewRecordStateOptions _options;

    public MapUnwrapper(ExtractNewRecordStateOptions options)
    {
        _options = options;
    }

    public static IReadOnlyDictionary<object, object?>? AsEnvelope(ConnectRecord record) =>
        record.ValueSchema is null && Requirements.MapOrNull(record.Value) is { } map &&
        map.ContainsKey(Envelope.Operation) && (map.ContainsKey(Envelope.After) || map.ContainsKey(Envelope.Before))
            ? map
            : null;

    public ConnectHeaders MakeHeaders(ConnectHeaders headers, IReadOnlyDictionary<object, object?> envelope)
    {
        foreach (var reference in _options.AddHeaders)
        {
            headers = headers.Add(reference.NewField, null, reference.GetValue(envelope));
        }

        return headers;
    }

    public ConnectRecord? Apply(ConnectRecord record, IReadOnlyDictionary<object, object?> envelope)
    {
        var after = Requirements.MapOrNull(envelope.GetValueOrDefault(Envelope.After));
        var before = Requirements.MapOrNull(envelope.GetValueOrDefault(Envelope.Before));
        if (after is null && before is null)
        {
            return null;
        }

        if (after is not null)
        {
            var row = _options.Strategy.Rewrite ? With(after, ExtractNewRecordStateConfig.DeletedField, "false") : after;
            return Finish(record, envelope, Route(record, after), row);
        }

        switch (_options.Strategy.Deletes)
        {
            case DeleteAction.Drop:
                return null;
            case DeleteAction.NullValueKeepSchema:
            case DeleteAction.Tombstone:
                return Route(record, before!) with { ValueSchema = null, Value = null };
            default:
                var rewritten = With(before!, ExtractNewRecordStateConfig.DeletedField, "true");
                return Finish(record, envelope, Route(record, before!), rewritten);
        }
    }

    private ConnectRecord Finish(
        ConnectRecord record, IReadOnlyDictionary<object, object?> envelope, ConnectRecord routed, IReadOnlyDictionary<object, object?> row)
    {
        foreach (var reference in _options.AddFields)
        {
            row = With(row, reference.NewField, reference.GetValue(envelope));
        }

        row = DropFields(record, row);
        return routed with { ValueSchema = null, Value = row };
    }

    private ConnectRecord Route(ConnectRecord record, IReadOnlyDictionary<object, object?> row) =>
        _options.RouteByField is { } route && row.GetValueOrDefault(route) is string topic && !JavaStrings.IsNullOrBlank(topic)
            ? record with { Topic = topic }
            : record;

    private IReadOnlyDictionary<object, object?> DropFields(ConnectRecord record, IReadOnlyDictionary<object, object?> row)
    {
        if (JavaStrings.IsNullOrBlank(_options.DropFieldsHeaderName) ||
            record.Headers.LastWithName(_options.DropFieldsHeaderName!)?.Value is not System.Collections.IEnumerable names ||
            names is string)
        {
            return row;
        }

        // Without a schema nothing says which fields are optional, so every listed field is removed.
        var map = row as ConnectMap ?? ConnectMap.Create(row);
        foreach (var name in names.Cast<object?>())
        {
            if (name is not null)
            {
                map = map.Without(name.ToString()!);
            }
        }

        return map;
    }

    private static ConnectMap With(IReadOnlyDictionary<object, object?> map, string key, object? value) =>
        (map as ConnectMap ?? ConnectMap.Create(map)).With(key, value);
}
