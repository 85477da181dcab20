namespace Serverless.Connect.Data.Internal;

/// <summary>The Kafka logical types the converters treat specially, resolved once per schema from its name.</summary>
internal enum LogicalType
{
    None,
    Decimal,
    Date,
    Time,
    Timestamp,
}
