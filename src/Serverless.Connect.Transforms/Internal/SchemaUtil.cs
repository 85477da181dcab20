using Serverless.Connect.Data;

namespace Serverless.Connect.Transforms.Internal;

/// <summary>Kafka's <c>transforms.util.SchemaUtil</c>.</summary>
internal static class SchemaUtil
{
    /// <summary>A builder of the same type (with the same key/element schemas) carrying name, version, doc and parameters.</summary>
    public static SchemaBuilder CopySchemaBasics(Schema source)
    {
        var builder = source.Type switch
        {
            SchemaType.Array => SchemaBuilder.Array(source.ValueSchema!),
            SchemaType.Map => SchemaBuilder.Map(source.KeySchema!, source.ValueSchema!),
            _ => new SchemaBuilder(source.Type),
        };
        return CopySchemaBasics(source, builder);
    }

    /// <summary>Copies name, version, doc and parameters of <paramref name="source"/> onto <paramref name="builder"/>.</summary>
    public static SchemaBuilder CopySchemaBasics(Schema source, SchemaBuilder builder) => builder.CopyBasicsFrom(source);
}
