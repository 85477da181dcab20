using System.Globalization;

namespace Serverless.Connect.Data.Debezium;

/// <summary>
/// Debezium's data semantic types (<c>io.debezium.data.*</c>) as used by the PostgreSQL connector. The builders produce
/// exactly Debezium's schemas (name, version 1, parameters and, for structs, doc and fields).
/// </summary>
public static class DebeziumData
{
    /// <summary>STRING holding JSON text (json, jsonb, hstore by default).</summary>
    public const string JsonName = "io.debezium.data.Json";

    /// <summary>STRING holding XML text.</summary>
    public const string XmlName = "io.debezium.data.Xml";

    /// <summary>STRING holding a UUID.</summary>
    public const string UuidName = "io.debezium.data.Uuid";

    /// <summary>STRING holding an ltree path.</summary>
    public const string LtreeName = "io.debezium.data.Ltree";

    /// <summary>BYTES holding bits (little-endian), parameter <see cref="BitsLengthParameter"/>.</summary>
    public const string BitsName = "io.debezium.data.Bits";

    /// <summary>The <see cref="BitsName"/> parameter holding the number of bits.</summary>
    public const string BitsLengthParameter = "length";

    /// <summary>STRING holding one enumeration label, parameter <see cref="AllowedParameter"/>.</summary>
    public const string EnumName = "io.debezium.data.Enum";

    /// <summary>STRING holding comma-separated enumeration labels, parameter <see cref="AllowedParameter"/>.</summary>
    public const string EnumSetName = "io.debezium.data.EnumSet";

    /// <summary>The parameter of <see cref="EnumName"/>/<see cref="EnumSetName"/> listing the allowed labels, comma-separated.</summary>
    public const string AllowedParameter = "allowed";

    /// <summary>STRUCT {scale INT32, value BYTES} for numeric columns without a fixed scale.</summary>
    public const string VariableScaleDecimalName = "io.debezium.data.VariableScaleDecimal";

    /// <summary>STRUCT {x, y, wkb, srid} for PostgreSQL <c>point</c>.</summary>
    public const string PointName = "io.debezium.data.geometry.Point";

    /// <summary>STRUCT {wkb, srid} for geometric types and PostGIS geometry.</summary>
    public const string GeometryName = "io.debezium.data.geometry.Geometry";

    /// <summary>STRUCT {wkb, srid} for PostGIS geography.</summary>
    public const string GeographyName = "io.debezium.data.geometry.Geography";

    /// <summary>Schema parameter Debezium adds to Decimal schemas with the column precision.</summary>
    public const string DecimalPrecisionParameter = "connect.decimal.precision";

    /// <summary>Builder for <see cref="JsonName"/>.</summary>
    /// <returns>A new builder.</returns>
    public static SchemaBuilder Json() => SchemaBuilder.String().Name(JsonName).Version(1);

    /// <summary>Builder for <see cref="XmlName"/>.</summary>
    /// <returns>A new builder.</returns>
    public static SchemaBuilder Xml() => SchemaBuilder.String().Name(XmlName).Version(1);

    /// <summary>Builder for <see cref="UuidName"/>.</summary>
    /// <returns>A new builder.</returns>
    public static SchemaBuilder Uuid() => SchemaBuilder.String().Name(UuidName).Version(1);

    /// <summary>Builder for <see cref="LtreeName"/>.</summary>
    /// <returns>A new builder.</returns>
    public static SchemaBuilder Ltree() => SchemaBuilder.String().Name(LtreeName).Version(1);

    /// <summary>Builder for <see cref="BitsName"/>.</summary>
    /// <param name="length">The number of bits.</param>
    /// <returns>A new builder.</returns>
    public static SchemaBuilder Bits(int length) =>
        SchemaBuilder.Bytes().Name(BitsName).Parameter(BitsLengthParameter, length.ToString(CultureInfo.InvariantCulture)).Version(1);

    /// <summary>Builder for <see cref="EnumName"/>.</summary>
    /// <param name="allowedValues">The labels in declaration order.</param>
    /// <returns>A new builder.</returns>
    public static SchemaBuilder Enum(IEnumerable<string> allowedValues) =>
        SchemaBuilder.String().Name(EnumName).Parameter(AllowedParameter, string.Join(',', allowedValues)).Version(1);

    /// <summary>Builder for <see cref="EnumSetName"/>.</summary>
    /// <param name="allowedValues">The labels in declaration order.</param>
    /// <returns>A new builder.</returns>
    public static SchemaBuilder EnumSet(IEnumerable<string> allowedValues) =>
        SchemaBuilder.String().Name(EnumSetName).Parameter(AllowedParameter, string.Join(',', allowedValues)).Version(1);

    /// <summary>
    /// Builder for a fixed-precision numeric column (<c>decimal.handling.mode=precise</c>): Kafka's Decimal with the
    /// <see cref="DecimalPrecisionParameter"/> parameter after <c>scale</c>.
    /// </summary>
    /// <param name="precision">The column precision.</param>
    /// <param name="scale">The column scale.</param>
    /// <returns>A new builder.</returns>
    public static SchemaBuilder PreciseDecimal(int precision, int scale) =>
        DecimalSchema.Builder(scale).Parameter(DecimalPrecisionParameter, precision.ToString(CultureInfo.InvariantCulture));

    /// <summary>Builder for <see cref="VariableScaleDecimalName"/>.</summary>
    /// <returns>A new builder.</returns>
    public static SchemaBuilder VariableScaleDecimal() =>
        SchemaBuilder.Struct()
            .Name(VariableScaleDecimalName)
            .Version(1)
            .Doc("Variable scaled decimal")
            .Field("scale", Schema.Int32Schema)
            .Field("value", Schema.BytesSchema);

    /// <summary>Encodes a decimal as a <see cref="VariableScaleDecimalName"/> struct.</summary>
    /// <param name="schema">A VariableScaleDecimal schema (optional or not).</param>
    /// <param name="value">The value.</param>
    /// <returns>The struct.</returns>
    public static Struct ToVariableScaleDecimal(Schema schema, ConnectDecimal value) =>
        new StructBuilder(schema)
            .Put("scale", value.Scale)
            .Put("value", value.Unscaled.ToByteArray(isUnsigned: false, isBigEndian: true))
            .Build();

    /// <summary>Decodes a <see cref="VariableScaleDecimalName"/> struct.</summary>
    /// <param name="value">The struct.</param>
    /// <returns>The decimal.</returns>
    public static ConnectDecimal FromVariableScaleDecimal(Struct value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var bytes = value.GetBytes("value") ?? [];
        return new ConnectDecimal(new System.Numerics.BigInteger(bytes, isUnsigned: false, isBigEndian: true), value.GetInt32("scale") ?? 0);
    }

    /// <summary>Builder for <see cref="PointName"/>.</summary>
    /// <returns>A new builder.</returns>
    public static SchemaBuilder Point() =>
        SchemaBuilder.Struct()
            .Name(PointName)
            .Version(1)
            .Doc("Geometry (POINT)")
            .Field("x", Schema.Float64Schema)
            .Field("y", Schema.Float64Schema)
            .Field("wkb", Schema.OptionalBytesSchema)
            .Field("srid", Schema.OptionalInt32Schema);

    /// <summary>Builder for <see cref="GeometryName"/>.</summary>
    /// <returns>A new builder.</returns>
    public static SchemaBuilder Geometry() =>
        SchemaBuilder.Struct()
            .Name(GeometryName)
            .Version(1)
            .Doc("Geometry")
            .Field("wkb", Schema.BytesSchema)
            .Field("srid", Schema.OptionalInt32Schema);

    /// <summary>Builder for <see cref="GeographyName"/>.</summary>
    /// <returns>A new builder.</returns>
    public static SchemaBuilder Geography() =>
        SchemaBuilder.Struct()
            .Name(GeographyName)
            .Version(1)
            .Doc("Geography")
            .Field("wkb", Schema.BytesSchema)
            .Field("srid", Schema.Int32Schema);
}
