using Serverless.Connect.Data;
using Serverless.Connect.Errors;

namespace Serverless.Connect.Transforms.Debezium.Internal;

/// <summary>Kafka's <c>Requirements</c> shape checks with Connect's error texts.</summary>
internal static class Requirements
{
    public static Struct Struct(object? value, string purpose) =>
        value as Struct ?? throw new DataException($"Only Struct objects supported for [{purpose}], found: {JavaTypeName(value)}");

    public static IReadOnlyDictionary<object, object?>? MapOrNull(object? value) => value switch
    {
        IReadOnlyDictionary<object, object?> map => map,
        System.Collections.IDictionary dictionary => ConnectMap.Create(
            dictionary.Keys.Cast<object>().Select(k => new KeyValuePair<object, object?>(k, dictionary[k]))),
        _ => null,
    };

    private static string JavaTypeName(object? value) => value switch
    {
        null => "null",
        string => "java.lang.String",
        _ => value.GetType().FullName ?? value.GetType().Name,
    };
}
