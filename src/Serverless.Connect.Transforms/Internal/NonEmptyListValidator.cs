using Serverless.Connect.Configuration;
using Serverless.Connect.Configuration.Validation;

namespace Serverless.Connect.Transforms.Internal;

/// <summary>Kafka's <c>transforms.util.NonEmptyListValidator</c>: <c>Invalid value [] for configuration k: Empty list</c>.</summary>
internal sealed class NonEmptyListValidator : IConfigValidator
{
    public static NonEmptyListValidator Instance { get; } = new();

    public void EnsureValid(string name, object? value)
    {
        if (value is IReadOnlyCollection<string> { Count: 0 })
        {
            throw new ConfigException(name, value, "Empty list");
        }
    }

    public override string ToString() => "non-empty list";
}
