namespace Serverless.Connect.Converters.Avro;

/// <summary>
/// The converters every host runs (the standalone sink host, the CDC reader, <c>./connect</c>): the built-in JSON,
/// String and ByteArray converters plus Confluent's AvroConverter. Hosts pass <see cref="Registry"/> to their pipelines
/// instead of <see cref="ConverterRegistry.Default"/>, which Core fills with the built-ins only (Core cannot depend
/// on the Schema Registry client).
/// </summary>
public static class HostConverters
{
    /// <summary>Gets the shared registry; it only holds factories, so one instance serves every pipeline.</summary>
    public static ConverterRegistry Registry { get; } = AvroConverterPlugin.Register(ConverterRegistry.CreateWithBuiltIns());
}
