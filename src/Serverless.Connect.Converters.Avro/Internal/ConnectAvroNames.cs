namespace Serverless.Connect.Converters.Avro.Internal;

/// <summary>Property, parameter and type names shared with Confluent's <c>AvroData</c>; they appear in registered schemas.</summary>
internal static class ConnectAvroNames
{
    public const string Namespace = "io.confluent.connect.avro";
    public const string DefaultSchemaName = "ConnectDefault";
    public const string DefaultSchemaFullName = Namespace + "." + DefaultSchemaName;
    public const string MapEntryTypeName = "MapEntry";
    public const string KeyField = "key";
    public const string ValueField = "value";

    public const string ConnectNameProp = "connect.name";
    public const string ConnectDocProp = "connect.doc";
    public const string ConnectVersionProp = "connect.version";
    public const string ConnectDefaultProp = "connect.default";
    public const string ConnectParametersProp = "connect.parameters";
    public const string ConnectInternalTypeProp = "connect.internal.type";
    public const string ConnectTypeProp = "connect.type";
    public const string ConnectTypeInt8 = "int8";
    public const string ConnectTypeInt16 = "int16";
    public const string ConnectFixedSizeParameter = "connect.fixed.size";

    public const string RecordDocParameter = Namespace + ".record.doc";
    public const string EnumDocPrefixParameter = Namespace + ".enum.doc.";
    public const string FieldDocPrefixParameter = Namespace + ".field.doc.";
    public const string FieldDefaultFlagParameter = Namespace + ".field.default";
    public const string EnumDefaultPrefixParameter = Namespace + ".enum.default.";

    public const string UnionTypeName = Namespace + ".Union";
    public const string EnumTypeParameter = Namespace + ".Enum";
    public const string AnythingTypeName = Namespace + ".Anything";

    public const string AvroPropPrefix = "avro";
    public const string LogicalTypeProp = "logicalType";
    public const string LogicalTimestampMillis = "timestamp-millis";
    public const string LogicalTimeMillis = "time-millis";
    public const string LogicalDate = "date";
    public const string LogicalDecimal = "decimal";
    public const string DecimalScaleProp = "scale";
    public const string DecimalPrecisionProp = "precision";
    public const string ConnectDecimalPrecisionParameter = "connect.decimal.precision";
    public const int DefaultDecimalPrecision = 64;
}
