using Serverless.Connect.Configuration.Internal;

namespace Serverless.Connect.Configuration.Validation;

/// <summary>Rejects empty strings and strings with ISO control characters; null passes (used for connector names).</summary>
public sealed class NonEmptyStringWithoutControlChars : IConfigValidator
{
    /// <inheritdoc />
    public void EnsureValid(string name, object? value)
    {
        if (value is not string s)
        {
            return;
        }

        if (s.Length == 0)
        {
            throw new ConfigException(name, value, "String may not be empty");
        }

        var illegal = s.Where(c => JavaText.IsIsoControl(c)).Select(c => ((int)c).ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();
        if (illegal.Count > 0)
        {
            throw new ConfigException(
                name, value, "String may not contain control sequences but had the following ASCII chars: " + string.Join(",", illegal));
        }
    }

    /// <inheritdoc />
    public override string ToString() => "non-empty string without ISO control characters";
}
