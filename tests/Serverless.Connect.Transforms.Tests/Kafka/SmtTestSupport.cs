using System.Collections;
using Serverless.Connect.Data;

namespace Serverless.Connect.Transforms.Tests.Kafka;

/// <summary>Shared helpers for the Kafka SMT conformance tests: configuring, and applying with a no-mutation check.</summary>
internal static class SmtTestSupport
{
    public static T Configured<T>(params (string Key, string Value)[] settings)
        where T : ITransformation, new()
    {
        var transform = new T();
        transform.Configure(settings.ToDictionary(s => s.Key, s => s.Value));
        return transform;
    }

    /// <summary>Applies the transform and asserts that the input record (deeply, including mutable containers) is unchanged.</summary>
    public static ConnectRecord? ApplyUnmutated(this ITransformation transform, ConnectRecord record)
    {
        var snapshot = DeepCopy(record);
        var result = transform.Apply(record);
        Assert.Equal(snapshot, record);
        AssertSameContent(snapshot.Key, record.Key);
        AssertSameContent(snapshot.Value, record.Value);
        return result;
    }

    public static ConnectRecord SinkRecord(Schema? keySchema, object? key, Schema? valueSchema, object? value, long offset = 42) =>
        new ConnectRecord("test", 0, keySchema, key, valueSchema, value, 1_483_425_001_864L) { KafkaOffset = offset };

    public static ConnectRecord SourceRecord(Schema? keySchema, object? key, Schema? valueSchema, object? value) =>
        new("test", 0, keySchema, key, valueSchema, value);

    public static IReadOnlyDictionary<object, object?> Map(params (string Key, object? Value)[] entries) =>
        ConnectMap.Create(entries.Select(e => new KeyValuePair<object, object?>(e.Key, e.Value)));

    /// <summary>A mutable schemaless map, as a Java connector would hand over; transforms must not change it.</summary>
    public static Dictionary<object, object?> MutableMap(params (string Key, object? Value)[] entries) =>
        entries.ToDictionary(e => (object)e.Key, e => e.Value);

    public static IReadOnlyDictionary<object, object?> AsMap(object? value) =>
        Assert.IsAssignableFrom<IReadOnlyDictionary<object, object?>>(value);

    private static ConnectRecord DeepCopy(ConnectRecord record) =>
        record with { Key = DeepCopy(record.Key), Value = DeepCopy(record.Value) };

    private static object? DeepCopy(object? value)
    {
        switch (value)
        {
            case null or string:
                return value;
            case byte[] bytes:
                return bytes.ToArray();
            case Struct s:
                var builder = new StructBuilder(s.Schema);
                foreach (var field in s.Schema.Fields)
                {
                    // Unset fields stay unset: a required field may legitimately have no value yet.
                    if (s.GetWithoutDefault(field) is { } fieldValue)
                    {
                        builder.Put(field, DeepCopy(fieldValue));
                    }
                }

                return builder.Build();
            case IReadOnlyDictionary<object, object?> map:
                return ConnectMap.Create(map.Select(e => new KeyValuePair<object, object?>(e.Key, DeepCopy(e.Value))));
            case IDictionary dictionary:
                var entries = new List<KeyValuePair<object, object?>>();
                var enumerator = dictionary.GetEnumerator();
                while (enumerator.MoveNext())
                {
                    entries.Add(new KeyValuePair<object, object?>(enumerator.Key, DeepCopy(enumerator.Value)));
                }

                return ConnectMap.Create(entries);
            case IList list:
                return list.Cast<object?>().Select(DeepCopy).ToList();
            default:
                return value;
        }
    }

    private static void AssertSameContent(object? expected, object? actual) =>
        Assert.True(ConnectValueComparer.Instance.Equals(expected, actual), "The transform changed its input.");
}
