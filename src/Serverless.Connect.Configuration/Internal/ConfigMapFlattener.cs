using System.Collections.ObjectModel;

namespace Serverless.Connect.Configuration.Internal;

/// <summary>Turns a document mapping into Connect's flat <c>Map&lt;String,String&gt;</c>.</summary>
internal static class ConfigMapFlattener
{
    /// <summary>Scalars become their Connect text; nulls are dropped with a warning; nested structures are errors.</summary>
    /// <param name="mapping">The mapping, for example <c>spec.config</c>.</param>
    /// <param name="path">The document path used in messages, for example <c>spec.config</c>.</param>
    /// <param name="context">Where problems go.</param>
    public static ReadOnlyDictionary<string, string> Flatten(DocMapping mapping, string path, LoadContext context)
    {
        var result = new OrderedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, node) in mapping.Entries)
        {
            switch (node)
            {
                case DocScalar { Text: not null } scalar:
                    result[key] = scalar.Text;
                    break;
                case DocScalar:
                    context.Warn(key, $"{path}.{key} has no value (null) and is ignored", node);
                    break;
                default:
                    context.Error(
                        key,
                        $"{path}.{key} must be a string, number or boolean, but is a {node.KindName}; Kafka Connect only accepts flat string values",
                        node);
                    break;
            }
        }

        return new ReadOnlyDictionary<string, string>(result);
    }

    public static OrderedDictionary<string, string> Copy(IReadOnlyDictionary<string, string> source)
    {
        var copy = new OrderedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (k, v) in source)
        {
            copy[k] = v;
        }

        return copy;
    }
}
