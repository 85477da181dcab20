using Serverless.Connect.Data;

namespace Serverless.Connect.Transforms.Internal;

/// <summary>
/// The Java class name Kafka would print for a value (<c>value.getClass().getName()</c>), so error texts match Connect's.
/// </summary>
internal static class JavaTypeNames
{
    /// <summary>Kafka's <c>nullSafeClassName</c>: <c>null</c> or the Java class name.</summary>
    public static string NameOf(object? value) => value switch
    {
        null => "null",
        string => "java.lang.String",
        bool => "java.lang.Boolean",
        sbyte or byte => "java.lang.Byte",
        short or ushort => "java.lang.Short",
        int or uint => "java.lang.Integer",
        long or ulong => "java.lang.Long",
        float => "java.lang.Float",
        double => "java.lang.Double",
        byte[] => "[B",
        Struct => "org.apache.kafka.connect.data.Struct",
        ConnectDecimal or decimal => "java.math.BigDecimal",
        DateOnly or TimeOnly or DateTimeOffset or DateTime => "java.util.Date",
        _ when MapValues.IsMap(value) => "java.util.HashMap",
        _ when MapValues.IsList(value) => "java.util.ArrayList",
        _ => value.GetType().FullName ?? value.GetType().Name,
    };

    /// <summary>Java's <c>getClass().toString()</c>: <c>class java.lang.String</c>.</summary>
    public static string ClassOf(object value) => "class " + NameOf(value);
}
