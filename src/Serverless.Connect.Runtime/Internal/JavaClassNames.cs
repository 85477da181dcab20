using Serverless.Connect.Converters;

namespace Serverless.Connect.Runtime.Internal;

/// <summary>Resolves converter aliases to the fully qualified Java class names Connect reports.</summary>
internal static class JavaClassNames
{
    public const string SimpleHeaderConverter = "org.apache.kafka.connect.storage.SimpleHeaderConverter";

    public static string Converter(string className) => className.Trim() switch
    {
        "JsonConverter" or "Json" => ConverterRegistry.JsonConverterClass,
        "StringConverter" or "String" => ConverterRegistry.StringConverterClass,
        "ByteArrayConverter" or "ByteArray" => ConverterRegistry.ByteArrayConverterClass,
        "SimpleHeaderConverter" or "Simple" => SimpleHeaderConverter,
        var other => other,
    };
}
