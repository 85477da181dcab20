using Serverless.Connect.Data;
using Serverless.Connect.Errors;

namespace Serverless.Connect.Transforms.Debezium.Internal;

/// <summary>ExtractNewRecordState for records whose value is a Debezium <c>Struct</c> envelope.</summary>
internal sealed class StructUnwrapper
{
    private const string AddFieldsPurpose = "source field insertion";

    private readonly ExtractNewRecordStateOptions _options;
    private readonly StructEdits _edits = new();
    // Keyed like Debezium's cache (row schema, op), plus the envelope schema the added fields' schemas come from.
    private readonly BoundedCache<(Schema Schema, string? Operation, Schema Envelope), Schema> _addedFieldSchemas = new(64);

    public StructUnwrapper(ExtractNewRecordStateOptions options)
    {
        _options = options;
    }

    /// <summary>Unwraps a record whose value schema is an envelope schema (the record's headers already carry add.headers).</summary>
    public ConnectRecord? Apply(ConnectRecord record)
    {
        var envelope = Requirements.Struct(record.Value, "Read envelope");
        var afterRecord = ExtractField(record, envelope, Envelope.After);
        if (afterRecord.Value is null && ExtractField(record, envelope, Envelope.Before).Value is null)
        {
            // Truncate events (and anything else without row state) are dropped.
            return null;
        }

        return afterRecord.Value is null ? ApplyDelete(record, envelope) : ApplyCreateOrUpdate(record, envelope, afterRecord);
    }

    /// <summary>The <c>add.headers</c> entries for an envelope, or only <c>op=d</c> for a tombstone.</summary>
    public ConnectHeaders MakeHeaders(ConnectHeaders headers, Struct? envelope)
    {
        foreach (var reference in _options.AddHeaders)
        {
            if (envelope is null)
            {
                if (reference.StructName is null && reference.Field == Envelope.Operation)
                {
                    headers = headers.AddString(reference.NewField, Envelope.Delete);
                }

                continue;
            }

            var schema = reference.GetSchema(envelope.Schema);
            if (schema is not null)
            {
                headers = headers.Add(reference.NewField, schema, Schemas.Conform(reference.GetValue(envelope), schema));
            }
        }

        return headers;
    }

    private ConnectRecord? ApplyDelete(ConnectRecord record, Struct envelope)
    {
        ConnectRecord? result = _options.Strategy.Deletes switch
        {
            DeleteAction.Drop => null,
            DeleteAction.NullValueKeepSchema => ExtractField(record, envelope, Envelope.After),
            DeleteAction.Tombstone => record with { ValueSchema = null, Value = null },
            _ => Rewrite(ExtractField(record, envelope, Envelope.Before), "true"),
        };
        if (result is null)
        {
            return null;
        }

        if (_options.RouteByField is { } route)
        {
            var before = envelope.GetStruct(Envelope.Before)
                ?? throw new DataException($"Cannot route the delete by {route}: the event has no before state");
            result = SetTopic(result, before.GetString(route));
        }

        result = DropFields(result);
        return result.Value is null ? result : AddFields(result, envelope);
    }

    private ConnectRecord ApplyCreateOrUpdate(ConnectRecord record, Struct envelope, ConnectRecord afterRecord)
    {
        var result = _options.Strategy.Rewrite ? Rewrite(afterRecord, "false") : afterRecord;
        if (_options.RouteByField is { } route)
        {
            var value = Requirements.Struct(result.Value, "Read record to set topic routing for CREATE / UPDATE");
            result = SetTopic(result, value.GetString(route));
        }

        result = AddFields(result, envelope);
        return DropFields(result);
    }

    private ConnectRecord Rewrite(ConnectRecord record, string deleted)
    {
        if (record.Value is not Struct value)
        {
            return record;
        }

        var rewritten = _edits.InsertStaticString(value, ExtractNewRecordStateConfig.DeletedField, deleted, _options.ReplaceNullWithDefault);
        return record with { ValueSchema = rewritten.Schema, Value = rewritten };
    }

    // Debezium always rebuilds the value here, even with no add.fields: the schema becomes a required copy of the row schema.
    private ConnectRecord AddFields(ConnectRecord unwrapped, Struct envelope)
    {
        var value = Requirements.Struct(unwrapped.Value, AddFieldsPurpose);
        var operation = envelope.Schema.FieldByName(Envelope.Operation) is null ? null : envelope.GetString(Envelope.Operation);
        var schema = _addedFieldSchemas.GetOrAdd((value.Schema, operation, envelope.Schema), key => MakeUpdatedSchema(key.Schema, key.Envelope));
        var builder = new StructBuilder(schema);
        foreach (var field in value.Schema.Fields)
        {
            builder.Put(field.Name, value.GetWithoutDefault(field));
        }

        foreach (var reference in _options.AddFields)
        {
            if (schema.FieldByName(reference.NewField) is { } added && reference.GetSchema(envelope.Schema) is not null)
            {
                builder.Put(added, Schemas.Conform(reference.GetValue(envelope), added.Schema));
            }
        }

        var updated = builder.Build();
        return unwrapped with { ValueSchema = schema, Value = updated };
    }

    private Schema MakeUpdatedSchema(Schema rowSchema, Schema envelopeSchema)
    {
        var builder = Schemas.StructWithBasicsOf(rowSchema);
        foreach (var field in rowSchema.Fields)
        {
            builder.Field(field.Name, field.Schema);
        }

        foreach (var reference in _options.AddFields)
        {
            if (reference.GetSchema(envelopeSchema) is { } fieldSchema)
            {
                builder.Field(reference.NewField, fieldSchema);
            }
        }

        return builder.Build();
    }

    private ConnectRecord DropFields(ConnectRecord record)
    {
        if (JavaStrings.IsNullOrBlank(_options.DropFieldsHeaderName) ||
            record.Headers.LastWithName(_options.DropFieldsHeaderName!) is not { Value: { } listed })
        {
            return record;
        }

        var names = DropFieldNames(listed);
        if (names.Count == 0)
        {
            return record;
        }

        if (_options.DropFieldsFromKey && record.Key is Struct key)
        {
            var keyDrops = FieldsToDrop(key.Schema, names);
            if (keyDrops.Count > 0)
            {
                var newKey = _edits.Exclude(key, keyDrops);
                record = record with { KeySchema = newKey.Schema, Key = newKey };
            }
        }

        if (record.Value is Struct value)
        {
            var valueDrops = FieldsToDrop(value.Schema, names);
            if (valueDrops.Count > 0)
            {
                var newValue = _edits.Exclude(value, valueDrops);
                record = record with { ValueSchema = newValue.Schema, Value = newValue };
            }
        }

        return record;
    }

    private List<string> FieldsToDrop(Schema schema, List<string> names)
    {
        if (!_options.DropFieldsKeepSchemaCompatible)
        {
            return names;
        }

        return schema.Fields.Where(f => f.Schema.IsOptional && names.Contains(f.Name)).Select(f => f.Name).ToList();
    }

    private static List<string> DropFieldNames(object listed) => listed switch
    {
        string single => [single],
        System.Collections.IEnumerable items => items.Cast<object?>().Select(i => i?.ToString() ?? "null").ToList(),
        _ => throw new DataException($"The drop fields header must hold a list of field names, found: {listed.GetType().Name}"),
    };

    /// <summary>Kafka <c>ExtractField$Value</c>: the field's schema and value (with its default) become the record value.</summary>
    private static ConnectRecord ExtractField(ConnectRecord record, Struct envelope, string name)
    {
        var field = envelope.Schema.FieldByName(name) ?? throw new DataException($"Unknown field: {name}");
        return record with { ValueSchema = field.Schema, Value = envelope.Get(field) };
    }

    private static ConnectRecord SetTopic(ConnectRecord record, string? topic) =>
        JavaStrings.IsNullOrBlank(topic) ? record : record with { Topic = topic! };
}
