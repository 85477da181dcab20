using System.Text;
using Serverless.Connect.Configuration;
using Serverless.Connect.Data;
using Serverless.Connect.Errors;

namespace Serverless.Connect.Transforms.Internal;

/// <summary>
/// Kafka's <c>SingleFieldPath</c> (KIP-821): one configured field path, read as a single top-level name (V1) or as
/// dot-separated steps with backtick quoting (V2), and the lookups on schemas, structs and maps.
/// </summary>
internal sealed class SingleFieldPath : IEquatable<SingleFieldPath>
{
    private const char Backtick = '`';
    private const char Dot = '.';
    private const char Backslash = '\\';
    private const string NestedPurpose = "nested field access";

    private readonly string[] _steps;

    public SingleFieldPath(string pathText, FieldSyntaxVersion version)
    {
        ArgumentNullException.ThrowIfNull(pathText);
        Version = version;
        _steps = version == FieldSyntaxVersion.V1 ? [pathText] : ParseV2(pathText);
    }

    public FieldSyntaxVersion Version { get; }

    public IReadOnlyList<string> Steps => _steps;

    public string LastStep => _steps[^1];

    /// <summary>The field at this path in a STRUCT schema, or null when any step is missing.</summary>
    public Field? FieldFrom(Schema? schema)
    {
        if (schema is null)
        {
            return null;
        }

        var current = schema;
        for (var i = 0; i < _steps.Length - 1; i++)
        {
            var field = StructField(current, _steps[i]);
            if (field is null)
            {
                return null;
            }

            current = field.Schema;
        }

        return StructField(current, LastStep);
    }

    /// <summary>The value at this path in a struct, or null when a step is missing or a parent is null.</summary>
    public object? ValueFrom(Struct? value, bool withDefault)
    {
        if (value is null)
        {
            return null;
        }

        var current = value;
        for (var i = 0; i < _steps.Length - 1; i++)
        {
            if (current.Schema.FieldByName(_steps[i]) is null)
            {
                return null;
            }

            current = Requirements.RequireStructOrNull(StructValues.Get(current, _steps[i], withDefault), NestedPurpose);
            if (current is null)
            {
                return null;
            }
        }

        return current.Schema.FieldByName(LastStep) is null ? null : StructValues.Get(current, LastStep, withDefault);
    }

    /// <summary>The value at this path in a schemaless map, or null when a step is missing or a parent is null.</summary>
    public object? ValueFrom(IReadOnlyDictionary<object, object?>? value)
    {
        if (value is null)
        {
            return null;
        }

        var current = value;
        for (var i = 0; i < _steps.Length - 1; i++)
        {
            current = Requirements.RequireMapOrNull(MapValues.Get(current, _steps[i]), NestedPurpose);
            if (current is null)
            {
                return null;
            }
        }

        return MapValues.Get(current, LastStep);
    }

    public bool Equals(SingleFieldPath? other) => other is not null && _steps.AsSpan().SequenceEqual(other._steps);

    public override bool Equals(object? obj) => Equals(obj as SingleFieldPath);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var step in _steps)
        {
            hash.Add(step, StringComparer.Ordinal);
        }

        return hash.ToHashCode();
    }

    public override string ToString() => $"SingleFieldPath{{version={Version}, path={string.Join(Dot, _steps)}}}";

    // KIP-821 rules: a step ends at the next dot, unless it starts with a backtick; then it ends at a backtick that is
    // followed by a dot (or ends the path) and is not preceded by a backslash. Backticks elsewhere are literal.
    private static string[] ParseV2(string path)
    {
        var steps = new List<string>();
        var index = 0;
        while (index < path.Length)
        {
            if (path[index] != Backtick)
            {
                var dot = path.IndexOf(Dot, index);
                if (dot < 0)
                {
                    steps.Add(path[index..]);
                    index = path.Length;
                }
                else
                {
                    steps.Add(path[index..dot]);
                    index = dot + 1;
                }

                continue;
            }

            index = ReadQuotedStep(path, index, steps);
        }

        // A trailing dot means a final empty step.
        if (path.Length > 0 && path[^1] == Dot)
        {
            steps.Add(string.Empty);
        }

        return [.. steps];
    }

    private static int ReadQuotedStep(string path, int openingBacktick, List<string> steps)
    {
        var step = new StringBuilder();
        var start = openingBacktick + 1;
        var search = start;
        while (true)
        {
            var closing = path.IndexOf(Backtick, search);
            if (closing < 0)
            {
                throw IncompleteBacktickPair(path, openingBacktick);
            }

            var escaped = path[closing - 1] == Backslash;
            if (closing >= path.Length - 1)
            {
                if (escaped)
                {
                    throw IncompleteBacktickPair(path, openingBacktick);
                }

                step.Append(path, start, closing - start);
                steps.Add(step.ToString());
                return closing + 1;
            }

            if (path[closing + 1] != Dot)
            {
                search = closing + 1;
                continue;
            }

            if (escaped)
            {
                step.Append(path, start, closing - 1 - start).Append(Backtick);
                start = closing + 1;
                search = start;
                continue;
            }

            step.Append(path, start, closing - start);
            steps.Add(step.ToString());
            return closing + 2;
        }
    }

    // Kafka's Schema.field throws on non-struct schemas rather than answering "no such field".
    private static Field? StructField(Schema schema, string name) =>
        schema.Type == SchemaType.Struct
            ? schema.FieldByName(name)
            : throw new DataException("Cannot look up fields on non-struct type");

    private static ConfigException IncompleteBacktickPair(string path, int backtickAt) =>
        new($"Incomplete backtick pair in path: [{path}], consider adding a backslash before backtick at position {backtickAt} to escape it");
}
