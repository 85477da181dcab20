namespace Serverless.Connect.Configuration.Validation;

/// <summary>A secret configuration value that never appears in <see cref="ToString"/>, logs or error messages.</summary>
public sealed class Password : IEquatable<Password>
{
    /// <summary>What every password renders as.</summary>
    public const string Hidden = "[hidden]";

    /// <summary>Wraps a secret value.</summary>
    /// <param name="value">The secret.</param>
    public Password(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        Value = value;
    }

    /// <summary>The secret itself; read it only where the secret is used.</summary>
    public string Value { get; }

    /// <summary>Returns <c>[hidden]</c>.</summary>
    /// <returns>The placeholder text.</returns>
    public override string ToString() => Hidden;

    /// <inheritdoc />
    public bool Equals(Password? other) => other is not null && string.Equals(Value, other.Value, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as Password);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Value);
}
