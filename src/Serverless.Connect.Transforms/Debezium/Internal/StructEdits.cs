using Serverless.Connect.Data;

namespace Serverless.Connect.Transforms.Debezium.Internal;

/// <summary>The Kafka SMT behaviours Debezium delegates to, applied to structs (InsertField static field, ReplaceField exclude).</summary>
internal sealed class StructEdits
{
    private readonly BoundedCache<(Schema Schema, string Field), Schema> _inserted = new(64);
    private readonly BoundedCache<(Schema Schema, string Excluded), Schema> _excluded = new(64);

    /// <summary>
    /// Kafka <c>InsertField$Value</c> with <c>static.field</c>/<c>static.value</c>: the struct plus an optional STRING
    /// field. With <paramref name="replaceNullWithDefault"/> null fields are copied as their schema default, as Kafka does.
    /// </summary>
    public Struct InsertStaticString(Struct value, string fieldName, string fieldValue, bool replaceNullWithDefault)
    {
        var schema = _inserted.GetOrAdd((value.Schema, fieldName), key =>
        {
            var builder = Schemas.StructWithBasicsOf(key.Schema);
            foreach (var field in key.Schema.Fields)
            {
                builder.Field(field.Name, field.Schema);
            }

            return builder.Field(key.Field, Schema.OptionalStringSchema).Build();
        });
        var result = new StructBuilder(schema);
        foreach (var field in value.Schema.Fields)
        {
            result.Put(field.Name, replaceNullWithDefault ? value.Get(field) : value.GetWithoutDefault(field));
        }

        return result.Put(fieldName, fieldValue).Build();
    }

    /// <summary>
    /// Kafka <c>ReplaceField</c> with <c>exclude</c> (and its default <c>replace.null.with.default=true</c>): a struct
    /// without the named fields; names not in the schema are ignored.
    /// </summary>
    public Struct Exclude(Struct value, IReadOnlyCollection<string> excluded)
    {
        var schema = _excluded.GetOrAdd((value.Schema, string.Join('\u0000', excluded)), key =>
        {
            var builder = Schemas.StructWithBasicsOf(key.Schema);
            foreach (var field in key.Schema.Fields)
            {
                if (!excluded.Contains(field.Name))
                {
                    builder.Field(field.Name, field.Schema);
                }
            }

            return builder.Build();
        });
        var result = new StructBuilder(schema);
        foreach (var field in schema.Fields)
        {
            result.Put(field.Name, value.Get(field.Name));
        }

        return result.Build();
    }
}
