using Serverless.Connect.Data;

namespace Serverless.Connect.Transforms.Internal;

/// <summary>Reading struct fields with or without schema defaults (<c>replace.null.with.default</c>).</summary>
internal static class StructValues
{
    public static object? Get(Struct value, Field field, bool replaceNullWithDefault) =>
        replaceNullWithDefault ? value.Get(field) : value.GetWithoutDefault(field);

    public static object? Get(Struct value, string fieldName, bool replaceNullWithDefault) =>
        replaceNullWithDefault ? value.Get(fieldName) : value.GetWithoutDefault(fieldName);
}
