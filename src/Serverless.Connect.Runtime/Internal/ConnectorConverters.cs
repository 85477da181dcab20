using Serverless.Connect.Configuration.Connect;
using Serverless.Connect.Converters;

namespace Serverless.Connect.Runtime.Internal;

/// <summary>
/// A connector's key, value and header converters, built the way a Connect worker builds them for a task (JsonConverter
/// when a level sets none). Shared by the sink and source pipelines, which differ only in the order they run them.
/// </summary>
internal sealed class ConnectorConverters
{
    public ConnectorConverters(ConverterSettings? key, ConverterSettings? value, ConverterSettings header, ConverterRegistry registry)
    {
        KeyClass = JavaClassNames.Converter(key?.ClassName ?? ConverterRegistry.JsonConverterClass);
        ValueClass = JavaClassNames.Converter(value?.ClassName ?? ConverterRegistry.JsonConverterClass);
        Key = registry.Create(KeyClass, key?.Config ?? new Dictionary<string, string>(), isKey: true);
        Value = registry.Create(ValueClass, value?.Config ?? new Dictionary<string, string>(), isKey: false);
        Headers = new HeaderConversion(header.ClassName, header.Config, registry);
    }

    public string KeyClass { get; }

    public string ValueClass { get; }

    public IConverter Key { get; }

    public IConverter Value { get; }

    public HeaderConversion Headers { get; }
}
