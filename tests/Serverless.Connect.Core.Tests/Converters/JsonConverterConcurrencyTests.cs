using System.Text;
using Serverless.Connect.Converters;
using Serverless.Connect.Data;

namespace Serverless.Connect.Core.Tests.Converters;

public sealed class JsonConverterConcurrencyTests
{
    [Fact]
    public void SharedConverter_IsThreadSafe_UnderCacheChurn()
    {
        var converter = new JsonConverter(new JsonConverterConfig { SchemasCacheSize = 4 });
        var schemas = Enumerable.Range(0, 16)
            .Select(i => SchemaBuilder.Struct().Name($"s{i}").Field("id", Schema.Int32Schema).Field("tags", SchemaBuilder.Array(Schema.StringSchema)).Build())
            .ToArray();
        var failures = 0;

        Parallel.For(0, 4000, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i =>
        {
            var schema = schemas[i % schemas.Length];
            var value = new StructBuilder(schema).Put("id", i).Put("tags", new object?[] { "a", i.ToString(System.Globalization.CultureInfo.InvariantCulture) }).Build();
            var bytes = converter.FromConnectData("t", schema, value)!;
            var back = converter.ToConnectData("t", bytes);
            var expected = $"\"payload\":{{\"id\":{i},\"tags\":[\"a\",\"{i}\"]}}}}";
            if (!Equals(back.Schema, schema) || !value.Equals(back.Value) || !Encoding.UTF8.GetString(bytes).EndsWith(expected, StringComparison.Ordinal))
            {
                Interlocked.Increment(ref failures);
            }
        });

        Assert.Equal(0, failures);
        Assert.True(converter.FromConnectCacheCount <= 4);
        Assert.True(converter.ToConnectCacheCount <= 4);
    }
}
