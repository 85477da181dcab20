using Serverless.Connect.Data.Internal;
using Serverless.Connect.Errors;

namespace Serverless.Connect.Data;

/// <summary>Value validation, following <c>ConnectSchema.validateValue</c>.</summary>
public sealed partial class Schema
{
    /// <summary>Validates that <paramref name="value"/> matches this schema.</summary>
    /// <param name="value">The value to check.</param>
    /// <exception cref="DataException">The value does not match; the message names the offending field path.</exception>
    public void ValidateValue(object? value) => ValueValidator.Validate(null, this, value);

    /// <summary>Validates that <paramref name="value"/> matches <paramref name="schema"/>.</summary>
    /// <param name="schema">The schema.</param>
    /// <param name="value">The value to check.</param>
    /// <exception cref="DataException">The value does not match; the message names the offending field path.</exception>
    public static void ValidateValue(Schema schema, object? value)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ValueValidator.Validate(null, schema, value);
    }

    /// <summary>Validates that <paramref name="value"/> matches <paramref name="schema"/>, naming the value in errors.</summary>
    /// <param name="fieldName">The name or path used in error messages, or <see langword="null"/>.</param>
    /// <param name="schema">The schema.</param>
    /// <param name="value">The value to check.</param>
    /// <exception cref="DataException">The value does not match.</exception>
    public static void ValidateValue(string? fieldName, Schema schema, object? value)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ValueValidator.Validate(fieldName, schema, value);
    }
}
