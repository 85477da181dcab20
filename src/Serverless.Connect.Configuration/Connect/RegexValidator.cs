using System.Text.RegularExpressions;

namespace Serverless.Connect.Configuration.Connect;

/// <summary>Accepts null, empty text or a compilable regular expression (Connect's <c>RegexValidator</c>).</summary>
public sealed class RegexValidator : Validation.IConfigValidator
{
    /// <inheritdoc />
    public void EnsureValid(string name, object? value)
    {
        if (value is not string { Length: > 0 } pattern)
        {
            return;
        }

        try
        {
            _ = new Regex(pattern, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        }
        catch (ArgumentException e)
        {
            throw new ConfigException(name, value, "Invalid regex: " + e.Message);
        }
    }

    /// <inheritdoc />
    public override string ToString() => "valid regex";
}
