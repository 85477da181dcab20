using Serverless.Connect.Data;

namespace Serverless.Connect.Sinks.S3.Internal;

/// <summary>storage-common's <c>DataUtils.getNestedFieldValue</c> for structs and schemaless maps (dotted paths).</summary>
internal static class FieldPaths
{
    public static bool TryGet(object? value, string path, out object? result, out Schema? schema)
    {
        result = value;
        schema = null;
        foreach (var part in path.Split('.'))
        {
            switch (result)
            {
                case Struct s:
                    var field = s.Schema.FieldByName(part);
                    if (field is null)
                    {
                        return false;
                    }

                    schema = field.Schema;
                    result = s.Get(field);
                    break;
                case IReadOnlyDictionary<object, object?> map:
                    schema = null;
                    if (!map.TryGetValue(part, out result))
                    {
                        return false;
                    }

                    break;
                case System.Collections.IDictionary dictionary:
                    schema = null;
                    if (!dictionary.Contains(part))
                    {
                        return false;
                    }

                    result = dictionary[part];
                    break;
                default:
                    return false;
            }
        }

        return true;
    }
}
