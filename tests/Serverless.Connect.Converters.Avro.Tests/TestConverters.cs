using System.Runtime.CompilerServices;
using Serverless.Connect.Converters.Avro.Tests.Registry;

namespace Serverless.Connect.Converters.Avro.Tests;

/// <summary>Creates configured converters and per-test topic names.</summary>
internal static class TestConverters
{
    private static int _counter;

    public static AvroConverter Create(SchemaRegistryServer server, bool isKey = false, params (string Key, string Value)[] settings) =>
        Create(server.Url, isKey, settings);

    public static AvroConverter Create(string url, bool isKey = false, params (string Key, string Value)[] settings)
    {
        var configs = new Dictionary<string, string>(StringComparer.Ordinal) { ["schema.registry.url"] = url };
        foreach (var (key, value) in settings)
        {
            configs[key] = value;
        }

        var converter = new AvroConverter();
        converter.Configure(configs, isKey);
        return converter;
    }

    /// <summary>A topic name unique to the calling test.</summary>
    public static string Topic([CallerMemberName] string test = "") => $"{test}.{Interlocked.Increment(ref _counter)}";
}
