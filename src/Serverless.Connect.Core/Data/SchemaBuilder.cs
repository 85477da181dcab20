using System.Collections.ObjectModel;
using Serverless.Connect.Data.Internal;
using Serverless.Connect.Errors;

namespace Serverless.Connect.Data;

/// <summary>
/// Fluent construction of <see cref="Schema"/> instances, mirroring <c>org.apache.kafka.connect.data.SchemaBuilder</c>:
/// <c>SchemaBuilder.Struct().Name("com.example.User").Field("id", Schema.Int64Schema).Build()</c>.
/// </summary>
/// <remarks>
/// As in Kafka, optionality, default, name, version and doc can each be set once (setting the same value again is allowed);
/// a second, different value throws <see cref="SchemaBuilderException"/>. Parameters are kept in insertion order.
/// </remarks>
public sealed class SchemaBuilder
{
    private readonly List<Field>? _fields;
    private bool? _optional;
    private object? _defaultValue;
    private string? _name;
    private int? _version;
    private string? _doc;
    private OrderedDictionary<string, string>? _parameters;
    private Schema? _keySchema;
    private Schema? _valueSchema;

    /// <summary>Initializes a builder for the given type.</summary>
    /// <param name="type">The schema type.</param>
    public SchemaBuilder(SchemaType type)
    {
        Type = type;
        if (type == SchemaType.Struct)
        {
            _fields = [];
        }
    }

    /// <summary>Gets the type of the schema being built.</summary>
    public SchemaType Type { get; }

    /// <summary>Gets a value indicating whether the schema being built is optional.</summary>
    public bool IsOptional => _optional ?? false;

    /// <summary>Creates a builder for the given type.</summary>
    /// <param name="type">The schema type.</param>
    /// <returns>A new builder.</returns>
    public static SchemaBuilder OfType(SchemaType type) => new(type);

    /// <summary>Creates an INT8 builder.</summary>
    /// <returns>A new builder.</returns>
    public static SchemaBuilder Int8() => new(SchemaType.Int8);

    /// <summary>Creates an INT16 builder.</summary>
    /// <returns>A new builder.</returns>
    public static SchemaBuilder Int16() => new(SchemaType.Int16);

    /// <summary>Creates an INT32 builder.</summary>
    /// <returns>A new builder.</returns>
    public static SchemaBuilder Int32() => new(SchemaType.Int32);

    /// <summary>Creates an INT64 builder.</summary>
    /// <returns>A new builder.</returns>
    public static SchemaBuilder Int64() => new(SchemaType.Int64);

    /// <summary>Creates a FLOAT32 builder.</summary>
    /// <returns>A new builder.</returns>
    public static SchemaBuilder Float32() => new(SchemaType.Float32);

    /// <summary>Creates a FLOAT64 builder.</summary>
    /// <returns>A new builder.</returns>
    public static SchemaBuilder Float64() => new(SchemaType.Float64);

    /// <summary>Creates a BOOLEAN builder.</summary>
    /// <returns>A new builder.</returns>
    public static SchemaBuilder Bool() => new(SchemaType.Boolean);

    /// <summary>Creates a STRING builder.</summary>
    /// <returns>A new builder.</returns>
    public static SchemaBuilder String() => new(SchemaType.String);

    /// <summary>Creates a BYTES builder.</summary>
    /// <returns>A new builder.</returns>
    public static SchemaBuilder Bytes() => new(SchemaType.Bytes);

    /// <summary>Creates a STRUCT builder; add fields with <see cref="Field(string, Schema)"/>.</summary>
    /// <returns>A new builder.</returns>
    public static SchemaBuilder Struct() => new(SchemaType.Struct);

    /// <summary>Creates an ARRAY builder.</summary>
    /// <param name="valueSchema">The element schema.</param>
    /// <returns>A new builder.</returns>
    /// <exception cref="SchemaBuilderException"><paramref name="valueSchema"/> is <see langword="null"/>.</exception>
    public static SchemaBuilder Array(Schema valueSchema)
    {
        if (valueSchema is null)
        {
            throw new SchemaBuilderException("valueSchema cannot be null.");
        }

        return new SchemaBuilder(SchemaType.Array) { _valueSchema = valueSchema };
    }

    /// <summary>Creates a MAP builder.</summary>
    /// <param name="keySchema">The key schema.</param>
    /// <param name="valueSchema">The value schema.</param>
    /// <returns>A new builder.</returns>
    /// <exception cref="SchemaBuilderException">Either schema is <see langword="null"/>.</exception>
    public static SchemaBuilder Map(Schema keySchema, Schema valueSchema)
    {
        if (keySchema is null)
        {
            throw new SchemaBuilderException("keySchema cannot be null.");
        }

        if (valueSchema is null)
        {
            throw new SchemaBuilderException("valueSchema cannot be null.");
        }

        return new SchemaBuilder(SchemaType.Map) { _keySchema = keySchema, _valueSchema = valueSchema };
    }

    /// <summary>Creates a builder holding every property of an existing schema (type, optionality, default, metadata, fields).</summary>
    /// <param name="schema">The schema to copy.</param>
    /// <returns>A new builder.</returns>
    public static SchemaBuilder CopyOf(Schema schema)
    {
        ArgumentNullException.ThrowIfNull(schema);
        var builder = new SchemaBuilder(schema.Type)
        {
            // A copied required schema may still be made optional (required is the unset default).
            _optional = schema.IsOptional ? true : null,
            _defaultValue = schema.DefaultValue,
            _keySchema = schema.KeySchema,
            _valueSchema = schema.ValueSchema,
        };
        builder.CopyBasicsFrom(schema);
        foreach (var field in schema.Fields)
        {
            builder.Field(field.Name, field.Schema);
        }

        return builder;
    }

    /// <summary>Copies name, version, doc and parameters from a schema, like Kafka's <c>SchemaUtil.copySchemaBasics</c>.</summary>
    /// <param name="schema">The source schema.</param>
    /// <returns>This builder.</returns>
    public SchemaBuilder CopyBasicsFrom(Schema schema)
    {
        ArgumentNullException.ThrowIfNull(schema);
        Name(schema.Name);
        Version(schema.Version);
        Doc(schema.Doc);
        if (schema.Parameters is not null)
        {
            Parameters(schema.Parameters);
        }

        return this;
    }

    /// <summary>Marks the schema optional.</summary>
    /// <returns>This builder.</returns>
    /// <exception cref="SchemaBuilderException">The schema was already marked required.</exception>
    public SchemaBuilder Optional()
    {
        CheckCanSet("optional", _optional, true);
        _optional = true;
        return this;
    }

    /// <summary>Marks the schema required (the default).</summary>
    /// <returns>This builder.</returns>
    /// <exception cref="SchemaBuilderException">The schema was already marked optional.</exception>
    public SchemaBuilder Required()
    {
        CheckCanSet("optional", _optional, false);
        _optional = false;
        return this;
    }

    /// <summary>Sets the default value; it is validated against the schema built so far.</summary>
    /// <param name="value">The default value.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="SchemaBuilderException">A different default was already set, or the value does not match the schema.</exception>
    public SchemaBuilder DefaultValue(object? value)
    {
        CheckCanSet("default", _defaultValue, value);
        try
        {
            ValueValidator.Validate(null, BuildSchema(withDefault: false), value);
        }
        catch (DataException e)
        {
            throw new SchemaBuilderException("Invalid default value", e);
        }

        _defaultValue = value;
        return this;
    }

    /// <summary>Sets the schema name.</summary>
    /// <param name="name">The name, e.g. <c>srv.public.customers.Value</c>.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="SchemaBuilderException">A different name was already set.</exception>
    public SchemaBuilder Name(string? name)
    {
        CheckCanSet("name", _name, name);
        _name = name;
        return this;
    }

    /// <summary>Sets the schema version.</summary>
    /// <param name="version">The version.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="SchemaBuilderException">A different version was already set.</exception>
    public SchemaBuilder Version(int? version)
    {
        CheckCanSet("version", _version, version);
        _version = version;
        return this;
    }

    /// <summary>Sets the documentation string.</summary>
    /// <param name="doc">The documentation.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="SchemaBuilderException">A different doc was already set.</exception>
    public SchemaBuilder Doc(string? doc)
    {
        CheckCanSet("doc", _doc, doc);
        _doc = doc;
        return this;
    }

    /// <summary>Sets a schema parameter (kept in insertion order; setting an existing name replaces its value in place).</summary>
    /// <param name="name">The parameter name.</param>
    /// <param name="value">The parameter value.</param>
    /// <returns>This builder.</returns>
    public SchemaBuilder Parameter(string name, string value)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(value);
        _parameters ??= [];
        _parameters[name] = value;
        return this;
    }

    /// <summary>Adds schema parameters; existing parameters not mentioned are kept. An empty set adds nothing.</summary>
    /// <param name="parameters">The parameters.</param>
    /// <returns>This builder.</returns>
    public SchemaBuilder Parameters(IEnumerable<KeyValuePair<string, string>> parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        foreach (var (name, value) in parameters)
        {
            Parameter(name, value);
        }

        return this;
    }

    /// <summary>Appends a field to a STRUCT schema.</summary>
    /// <param name="name">The field name.</param>
    /// <param name="schema">The field schema.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="SchemaBuilderException">This is not a STRUCT builder, the name is empty or duplicated, or the schema is null.</exception>
    public SchemaBuilder Field(string name, Schema schema)
    {
        if (_fields is null)
        {
            throw new SchemaBuilderException($"Cannot create fields on type {Type.ToConnectName()}");
        }

        if (string.IsNullOrEmpty(name))
        {
            throw new SchemaBuilderException("fieldName cannot be null.");
        }

        if (schema is null)
        {
            throw new SchemaBuilderException($"fieldSchema for field {name} cannot be null.");
        }

        foreach (var existing in _fields)
        {
            if (string.Equals(existing.Name, name, StringComparison.Ordinal))
            {
                throw new SchemaBuilderException($"Cannot create field because of field name duplication {name}");
            }
        }

        _fields.Add(new Field(name, _fields.Count, schema));
        return this;
    }

    /// <summary>Appends a field whose schema is built from another builder.</summary>
    /// <param name="name">The field name.</param>
    /// <param name="schema">The builder of the field schema.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="SchemaBuilderException">See <see cref="Field(string, Schema)"/>.</exception>
    public SchemaBuilder Field(string name, SchemaBuilder schema)
    {
        ArgumentNullException.ThrowIfNull(schema);
        return Field(name, schema.Build());
    }

    /// <summary>Builds the immutable schema. The builder can keep being used afterwards.</summary>
    /// <returns>The schema.</returns>
    public Schema Build() => BuildSchema(withDefault: true);

    private static void CheckCanSet<T>(string property, T current, T value)
    {
        if (current is not null && !EqualityComparer<T>.Default.Equals(current, value))
        {
            throw new SchemaBuilderException($"Invalid SchemaBuilder call: {property} has already been set.");
        }
    }

    private Schema BuildSchema(bool withDefault) => new(
        Type,
        IsOptional,
        withDefault ? _defaultValue : null,
        _name,
        _version,
        _doc,
        _parameters is null ? null : new ReadOnlyDictionary<string, string>(new OrderedDictionary<string, string>(_parameters)),
        _fields?.ToArray(),
        _keySchema,
        _valueSchema);
}
