using Avro.Generic;
using Avro.IO;
using Serverless.Connect.Errors;

namespace Serverless.Connect.Converters.Avro.Internal;

/// <summary>
/// An Avro schema ready for use: its node tree, its registry text, and an Apache.Avro codec compiled from its structure
/// (without logical types, which are converted here). Instances are immutable and shared between threads.
/// </summary>
internal sealed class CompiledSchema
{
    private readonly GenericDatumWriter<object?> _writer;
    private readonly GenericDatumReader<object?> _reader;

    private CompiledSchema(AvroNode root, string json, global::Avro.Schema codec)
    {
        Root = root;
        Json = json;
        Codec = codec;
        _writer = new GenericDatumWriter<object?>(codec);
        _reader = new GenericDatumReader<object?>(codec, codec);
    }

    public AvroNode Root { get; }

    /// <summary>Gets the schema text as registered (Avro Java's rendering).</summary>
    public string Json { get; }

    public global::Avro.Schema Codec { get; }

    /// <summary>Gets the full name of the top-level record (or enum/fixed), used by record-based subject name strategies.</summary>
    public string? RecordName => Root.IsNamed ? Root.FullName : null;

    /// <exception cref="DataException">Apache.Avro rejects the schema structure.</exception>
    public static CompiledSchema Compile(AvroNode root, string? json = null)
    {
        json ??= AvroSchemaWriter.Write(root);
        global::Avro.Schema codec;
        try
        {
            codec = global::Avro.Schema.Parse(AvroSchemaWriter.WriteCodec(root));
        }
        catch (global::Avro.AvroException e)
        {
            throw new DataException($"Invalid Avro schema {json}: {e.Message}", e);
        }

        Link(root, codec, new HashSet<AvroNode>(ReferenceEqualityComparer.Instance));
        return new CompiledSchema(root, json, codec);
    }

    public void Write(object? datum, Stream output)
    {
        try
        {
            _writer.Write(datum, new BinaryEncoder(output));
        }
        catch (global::Avro.AvroException e)
        {
            throw new DataException($"Failed to write Avro data: {e.Message}", e);
        }
    }

    public object? Read(Stream input)
    {
        try
        {
            return _reader.Read(null, new BinaryDecoder(input));
        }
        catch (Exception e) when (e is global::Avro.AvroException or EndOfStreamException or IOException or InvalidCastException or IndexOutOfRangeException)
        {
            throw new DataException($"Failed to read Avro data: {e.Message}", e);
        }
    }

    // Named nodes keep their Apache.Avro schema so that records, enums and fixed values can be created for it.
    private static void Link(AvroNode node, global::Avro.Schema codec, HashSet<AvroNode> visited)
    {
        switch (node.Type)
        {
            case AvroType.Record:
                if (!visited.Add(node))
                {
                    return;
                }

                node.Codec = codec;
                var record = (global::Avro.RecordSchema)codec;
                for (var i = 0; i < node.Fields.Count; i++)
                {
                    Link(node.Fields[i].Schema, record.Fields[i].Schema, visited);
                }

                break;
            case AvroType.Enum:
            case AvroType.Fixed:
                node.Codec = codec;
                break;
            case AvroType.Array:
                Link(node.Items!, ((global::Avro.ArraySchema)codec).ItemSchema, visited);
                break;
            case AvroType.Map:
                Link(node.Values!, ((global::Avro.MapSchema)codec).ValueSchema, visited);
                break;
            case AvroType.Union:
                var union = (global::Avro.UnionSchema)codec;
                for (var i = 0; i < node.Branches.Count; i++)
                {
                    Link(node.Branches[i], union.Schemas[i], visited);
                }

                break;
        }
    }
}
