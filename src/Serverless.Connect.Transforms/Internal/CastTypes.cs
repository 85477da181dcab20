using Serverless.Connect.Configuration;
using Serverless.Connect.Data;
using Serverless.Connect.Errors;

namespace Serverless.Connect.Transforms.Internal;

/// <summary>Kafka's Cast <c>spec</c> parsing and its supported input/output types.</summary>
internal static class CastTypes
{
    private static readonly SchemaType[] _inputTypes =
    [
        SchemaType.Int8, SchemaType.Int16, SchemaType.Int32, SchemaType.Int64, SchemaType.Float32, SchemaType.Float64,
        SchemaType.Boolean, SchemaType.String, SchemaType.Bytes,
    ];

    private static readonly SchemaType[] _outputTypes = _inputTypes[..^1];

    /// <summary>The parsed spec: per-field target types in spec order, or a whole-value target type.</summary>
    public sealed record Spec(IReadOnlyList<KeyValuePair<string, SchemaType>> FieldCasts, SchemaType? WholeValueType);

    public static void EnsureValidInput(SchemaType type)
    {
        if (!_inputTypes.Contains(type))
        {
            throw new DataException($"Cast transformation does not support casting from {type.ToConnectName()}; supported types are {Names(_inputTypes)}");
        }
    }

    /// <summary>Kafka's <c>parseFieldTypes</c>, with its messages (including the <c>renames</c> key Kafka names for a bad pair).</summary>
    public static Spec Parse(IReadOnlyList<string> mappings, string renamesKey)
    {
        var casts = new OrderedDictionary<string, SchemaType>(StringComparer.Ordinal);
        SchemaType? wholeValue = null;
        foreach (var mapping in mappings)
        {
            var parts = JavaStrings.Split(mapping, ':');
            if (parts.Length > 2)
            {
                throw new ConfigException(renamesKey, JavaStrings.ListText(mappings), "Invalid rename mapping: " + mapping);
            }

            if (parts.Length == 1)
            {
                var typeName = JavaStrings.Trim(parts[0]).ToUpperInvariant();
                wholeValue = EnsureValidOutput(ParseType(typeName) ?? throw new ConfigException(
                    "No enum constant org.apache.kafka.connect.data.Schema.Type." + typeName));
            }
            else
            {
                var typeText = JavaStrings.Trim(parts[1]);
                var type = ParseType(typeText.ToUpperInvariant()) ??
                    throw new ConfigException("Invalid type found in casting spec: " + typeText);
                casts[JavaStrings.Trim(parts[0])] = EnsureValidOutput(type);
            }
        }

        if (wholeValue is not null && mappings.Count > 1)
        {
            throw new ConfigException(
                "Cast transformations that specify a type to cast the entire value to may ony specify a single cast in their spec");
        }

        return new Spec([.. casts], wholeValue);
    }

    private static SchemaType EnsureValidOutput(SchemaType type) =>
        _outputTypes.Contains(type)
            ? type
            : throw new ConfigException($"Cast transformation does not support casting to {type.ToConnectName()}; supported types are {Names(_outputTypes)}");

    private static SchemaType? ParseType(string upperCaseName)
    {
        foreach (var type in Enum.GetValues<SchemaType>())
        {
            if (string.Equals(type.ToConnectName(), upperCaseName, StringComparison.Ordinal))
            {
                return type;
            }
        }

        return null;
    }

    private static string Names(IEnumerable<SchemaType> types) => "[" + string.Join(", ", types.Select(t => t.ToConnectName())) + "]";
}
