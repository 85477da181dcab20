using Serverless.Connect.Data;

namespace Serverless.Connect.Transforms.Debezium.Internal;

/// <summary>Schema derivations used by Debezium's SMTs (Kafka's <c>SchemaUtil.copySchemaBasics</c> and friends).</summary>
internal static class Schemas
{
    /// <summary>
    /// A new STRUCT builder with the name, version, doc and parameters of <paramref name="schema"/>; like Kafka's
    /// <c>copySchemaBasics(schema, SchemaBuilder.struct())</c> it is <em>not</em> optional even when the source was.
    /// </summary>
    public static SchemaBuilder StructWithBasicsOf(Schema schema) => SchemaBuilder.Struct().CopyBasicsFrom(schema);

    /// <summary>
    /// The optional copy of a field schema that <c>add.fields</c>/<c>add.headers</c> use: basics only, no default.
    /// </summary>
    /// <remarks>
    /// Debezium copies only the basics, which for STRUCT loses the fields (and for MAP the key/value schemas), so adding
    /// a struct-valued field fails there with "Struct schemas do not match". Here structs keep their fields and maps
    /// their key/value schemas, so those references work.
    /// </remarks>
    public static Schema OptionalCopy(Schema schema)
    {
        var builder = schema.Type switch
        {
            SchemaType.Array => SchemaBuilder.Array(schema.ValueSchema!),
            SchemaType.Map => SchemaBuilder.Map(schema.KeySchema!, schema.ValueSchema!),
            _ => new SchemaBuilder(schema.Type),
        };
        builder.CopyBasicsFrom(schema);
        foreach (var field in schema.Fields)
        {
            builder.Field(field.Name, field.Schema);
        }

        return builder.Optional().Build();
    }

    /// <summary>Re-types a value for a schema made by <see cref="OptionalCopy"/> (only structs carry their schema).</summary>
    public static object? Conform(object? value, Schema target)
    {
        if (value is not Struct source || ReferenceEquals(source.Schema, target) || source.Schema.Equals(target))
        {
            return value;
        }

        var builder = new StructBuilder(target);
        foreach (var field in source.Schema.Fields)
        {
            builder.Put(field.Name, source.GetWithoutDefault(field));
        }

        return builder.Build();
    }
}
