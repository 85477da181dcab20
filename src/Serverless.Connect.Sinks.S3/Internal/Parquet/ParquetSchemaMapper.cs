using System.Globalization;
using Parquet.Schema;
using Serverless.Connect.Data;
using Serverless.Connect.Errors;
using ConnectSchema = Serverless.Connect.Data.Schema;
using Field = Parquet.Schema.Field;
using SchemaType = Serverless.Connect.Data.SchemaType;

namespace Serverless.Connect.Sinks.S3.Internal.Parquet;

/// <summary>
/// Connect schema → Parquet schema, as Confluent's ParquetFormat (via Avro) writes it: Timestamp as INT64
/// TIMESTAMP(MILLIS, UTC) — never INT96 —, Date as DATE, Time as TIME(MILLIS), Decimal with the Connect scale and
/// <c>connect.decimal.precision</c>, optional Connect fields as optional columns, structs as groups, arrays as
/// 3-level LISTs and maps as MAPs.
/// </summary>
internal static class ParquetSchemaMapper
{
    /// <summary>Precision used when a Decimal schema has no <c>connect.decimal.precision</c>: the largest FIXED_LEN_BYTE_ARRAY(16) decimal.</summary>
    public const int DefaultDecimalPrecision = 38;

    private const string PrecisionParameter = "connect.decimal.precision";

    public static ParquetSchema Build(ConnectSchema schema)
    {
        if (schema.Type != SchemaType.Struct)
        {
            throw new DataException(
                $"Parquet files need struct values; the value schema is {schema.Type.ToConnectName()}. Use JsonFormat or a transform that wraps the value.");
        }

        if (schema.Fields.Count == 0)
        {
            throw new DataException("Parquet files need at least one column; the value schema is a struct without fields.");
        }

        return new ParquetSchema(schema.Fields.Select(f => MakeField(f.Name, f.Schema, f.Name)).ToArray());
    }

    /// <summary>Creates fresh column buffers and the striping tree for one file.</summary>
    public static (StructNode Root, ColumnBuffer[] Columns) CreateTree(ConnectSchema schema, ParquetSchema parquet)
    {
        var dataFields = parquet.GetDataFields();
        var next = 0;
        var children = new ShredNode[schema.Fields.Count];
        for (var i = 0; i < children.Length; i++)
        {
            children[i] = MakeNode(schema.Fields[i].Schema, parquet.Fields[i], schema.Fields[i].Name, 0, 0, dataFields, ref next);
        }

        var root = new StructNode(schema, children, 0);
        return (root, root.Leaves.ToArray());
    }

    private static Field MakeField(string name, ConnectSchema schema, string path)
    {
        var optional = schema.IsOptional;
        switch (schema.Type)
        {
            case SchemaType.Struct:
                if (schema.Fields.Count == 0)
                {
                    throw new DataException($"Parquet cannot store the empty struct of field \"{path}\".");
                }

                return new StructField(name, schema.Fields.Select(f => MakeField(f.Name, f.Schema, path + "." + f.Name)).ToArray());
            case SchemaType.Array:
                return new ListField(name, MakeField("element", schema.ValueSchema!, path + "[]"));
            case SchemaType.Map:
                var key = MakeField("key", schema.KeySchema!, path + ".key");
                if (key is not DataField keyField)
                {
                    throw new DataException($"Parquet map keys must be primitive; field \"{path}\" has {schema.KeySchema!.Type.ToConnectName()} keys.");
                }

                SetNullable(keyField, false);
                return new MapField(name, keyField, MakeField("value", schema.ValueSchema!, path + ".value"));
        }

        try
        {
            return schema.Name switch
            {
                TimestampSchema.LogicalName => new DateTimeDataField(name, DateTimeFormat.Timestamp, isAdjustedToUTC: true, unit: DateTimeTimeUnit.Millis, isNullable: optional),
                DateSchema.LogicalName => new DataField(name, typeof(DateOnly), isNullable: optional),
                TimeSchema.LogicalName => new TimeDataField(name, TimeUnitPrecision.Millis, isNullable: optional),
                DecimalSchema.LogicalName => MakeDecimal(name, schema, optional),
                _ => schema.Type switch
                {
                    SchemaType.Int8 => new DataField(name, typeof(sbyte), optional),
                    SchemaType.Int16 => new DataField(name, typeof(short), optional),
                    SchemaType.Int32 => new DataField(name, typeof(int), optional),
                    SchemaType.Int64 => new DataField(name, typeof(long), optional),
                    SchemaType.Float32 => new DataField(name, typeof(float), optional),
                    SchemaType.Float64 => new DataField(name, typeof(double), optional),
                    SchemaType.Boolean => new DataField(name, typeof(bool), optional),
                    SchemaType.String => new DataField(name, typeof(string), optional),
                    SchemaType.Bytes => new DataField(name, typeof(byte[]), optional),
                    _ => throw new DataException($"Connect type {schema.Type.ToConnectName()} of field \"{path}\" has no Parquet mapping."),
                },
            };
        }
        catch (ArgumentException e)
        {
            throw new DataException($"Field \"{path}\" cannot be mapped to Parquet: {e.Message}", e);
        }
    }

    private static DecimalDataField MakeDecimal(string name, ConnectSchema schema, bool optional)
    {
        var scale = schema.Parameters is { } p && p.TryGetValue(DecimalSchema.ScaleParameter, out var s) ? int.Parse(s, CultureInfo.InvariantCulture) : 0;
        var precision = schema.Parameters is { } q && q.TryGetValue(PrecisionParameter, out var t)
            ? int.Parse(t, CultureInfo.InvariantCulture)
            : DefaultDecimalPrecision;
        return new DecimalDataField(name, Math.Min(precision, DefaultDecimalPrecision), scale, isNullable: optional);
    }

    private static void SetNullable(Field field, bool nullable) =>
        typeof(Field).GetProperty(nameof(Field.IsNullable))!.SetValue(field, nullable);

    private static ShredNode MakeNode(
        ConnectSchema schema, Field field, string path, int parentDefinition, int parentRepetition, DataField[] dataFields, ref int next)
    {
        switch (schema.Type)
        {
            case SchemaType.Struct:
                var structField = (StructField)field;
                var definition = parentDefinition + 1;
                var children = new ShredNode[schema.Fields.Count];
                for (var i = 0; i < children.Length; i++)
                {
                    children[i] = MakeNode(schema.Fields[i].Schema, structField.Fields[i], path + "." + schema.Fields[i].Name,
                        definition, parentRepetition, dataFields, ref next);
                }

                return new StructNode(schema, children, definition);
            case SchemaType.Array:
                var list = (ListField)field;
                var element = MakeNode(schema.ValueSchema!, list.Item, path + "[]", parentDefinition + 2, parentRepetition + 1, dataFields, ref next);
                return new ListNode(element, parentDefinition + 1, parentRepetition + 1);
            case SchemaType.Map:
                var map = (MapField)field;
                var key = MakeNode(schema.KeySchema!, map.Key, path + ".key", parentDefinition + 2, parentRepetition + 1, dataFields, ref next);
                var value = MakeNode(schema.ValueSchema!, map.Value, path + ".value", parentDefinition + 2, parentRepetition + 1, dataFields, ref next);
                return new MapNode(key, value, parentDefinition + 1, parentRepetition + 1);
        }

        var dataField = dataFields[next++];
        var leafDefinition = parentDefinition + (dataField.IsNullable ? 1 : 0);
        if (leafDefinition != dataField.MaxDefinitionLevel || parentRepetition != dataField.MaxRepetitionLevel)
        {
            throw new InvalidOperationException(
                $"Level mismatch for {path}: computed {leafDefinition}/{parentRepetition}, Parquet.Net {dataField.MaxDefinitionLevel}/{dataField.MaxRepetitionLevel}.");
        }

        return new LeafNode(CreateColumn(schema, dataField), leafDefinition, path);
    }

    private static ColumnBuffer CreateColumn(ConnectSchema schema, DataField field) => schema.Name switch
    {
        TimestampSchema.LogicalName => new ColumnBuffer<DateTime>(field, v => ((DateTimeOffset)v).UtcDateTime),
        DateSchema.LogicalName => new ColumnBuffer<DateOnly>(field, v => (DateOnly)v),
        TimeSchema.LogicalName => new ColumnBuffer<int>(field, v => (int)(((TimeOnly)v).Ticks / TimeSpan.TicksPerMillisecond)),
        DecimalSchema.LogicalName => new ColumnBuffer<decimal>(field, v => ToDecimal((ConnectDecimal)v)),
        _ => schema.Type switch
        {
            SchemaType.Int8 => new ColumnBuffer<sbyte>(field, v => (sbyte)v),
            SchemaType.Int16 => new ColumnBuffer<short>(field, v => (short)v),
            SchemaType.Int32 => new ColumnBuffer<int>(field, v => (int)v),
            SchemaType.Int64 => new ColumnBuffer<long>(field, v => (long)v),
            SchemaType.Float32 => new ColumnBuffer<float>(field, v => (float)v),
            SchemaType.Float64 => new ColumnBuffer<double>(field, v => (double)v),
            SchemaType.Boolean => new ColumnBuffer<bool>(field, v => (bool)v),
            SchemaType.String => new ColumnBuffer<ReadOnlyMemory<char>>(field, v => ((string)v).AsMemory(), m => m.Length * 2),
            _ => new ColumnBuffer<ReadOnlyMemory<byte>>(field, v => (byte[])v, m => m.Length),
        },
    };

    private static decimal ToDecimal(ConnectDecimal value)
    {
        try
        {
            return value.ToDecimal();
        }
        catch (OverflowException e)
        {
            throw new OverflowException($"{value} does not fit a 96-bit decimal", e);
        }
    }
}
