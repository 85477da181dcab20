using System.Text.Json;
using System.Text.Json.Nodes;

namespace Serverless.Connect.Converters.Avro.Internal;

/// <summary>Reads numbers and strings from <see cref="JsonNode"/> values whether they were parsed or created in code.</summary>
internal static class JsonNumbers
{
    public static bool IsNumber(JsonNode? node) => node is JsonValue value && value.GetValueKind() == JsonValueKind.Number;

    public static bool IsString(JsonNode? node) => node is JsonValue value && value.GetValueKind() == JsonValueKind.String;

    public static bool IsBoolean(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() is JsonValueKind.True or JsonValueKind.False;

    public static bool TryGetInt64(JsonNode? node, out long result)
    {
        result = 0;
        if (node is not JsonValue value || value.GetValueKind() != JsonValueKind.Number)
        {
            return false;
        }

        if (value.TryGetValue<JsonElement>(out var element))
        {
            return element.TryGetInt64(out result);
        }

        if (value.TryGetValue<int>(out var i32))
        {
            result = i32;
            return true;
        }

        if (value.TryGetValue<long>(out result))
        {
            return true;
        }

        var d = GetDouble(node);
        if (Math.Floor(d) == d && d is >= long.MinValue and <= long.MaxValue)
        {
            result = (long)d;
            return true;
        }

        return false;
    }

    public static double GetDouble(JsonNode? node)
    {
        var value = (JsonValue)node!;
        if (value.TryGetValue<JsonElement>(out var element))
        {
            return element.GetDouble();
        }

        if (value.TryGetValue<float>(out var f))
        {
            return f;
        }

        return value.TryGetValue<double>(out var d) ? d : value.TryGetValue<long>(out var l) ? l : value.GetValue<int>();
    }

    public static float GetSingle(JsonNode? node)
    {
        var value = (JsonValue)node!;
        return value.TryGetValue<float>(out var f) ? f : (float)GetDouble(node);
    }

    public static bool GetBoolean(JsonNode? node) => node is JsonValue value && value.GetValueKind() == JsonValueKind.True;

    public static string GetString(JsonNode? node) => ((JsonValue)node!).GetValue<string>();
}
