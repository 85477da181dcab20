using System.Text;
using Serverless.Connect.Converters;
using Serverless.Connect.Data;

namespace Serverless.Connect.Core.Tests.Converters;

internal static class Converters
{
    public static JsonConverter Json(bool schemas = true, string decimalFormat = "BASE64", bool replaceNullWithDefault = true)
    {
        var converter = new JsonConverter();
        converter.Configure(
            new Dictionary<string, string>
            {
                ["schemas.enable"] = schemas ? "true" : "false",
                ["decimal.format"] = decimalFormat,
                ["replace.null.with.default"] = replaceNullWithDefault ? "true" : "false",
            },
            isKey: false);
        return converter;
    }

    public static string Write(this IConverter converter, Schema? schema, object? value) =>
        Encoding.UTF8.GetString(converter.FromConnectData("topic", schema, value) ?? throw new InvalidOperationException("Kafka null"));

    public static SchemaAndValue Read(this IConverter converter, string json) =>
        converter.ToConnectData("topic", Encoding.UTF8.GetBytes(json));
}
