namespace Serverless.Connect.Configuration.Validation;

/// <summary>Accepts a list whose every item is one of the listed strings (Kafka's <c>ConfigDef.ValidList</c>).</summary>
public sealed class ValidList : IConfigValidator
{
    private readonly ValidString _item;

    private ValidList(ValidString item)
    {
        _item = item;
    }

    /// <summary>Creates a validator accepting lists drawn from these strings.</summary>
    /// <param name="validStrings">The accepted item values.</param>
    /// <returns>The validator.</returns>
    public static ValidList In(params string[] validStrings) => new(ValidString.In(validStrings));

    /// <inheritdoc />
    public void EnsureValid(string name, object? value)
    {
        if (value is not IEnumerable<string> items)
        {
            throw new ConfigException(name, value, "Expected a comma separated list.");
        }

        foreach (var item in items)
        {
            _item.EnsureValid(name, item);
        }
    }

    /// <inheritdoc />
    public override string ToString() => _item.ToString();
}
