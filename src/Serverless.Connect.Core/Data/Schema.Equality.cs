namespace Serverless.Connect.Data;

/// <summary>Structural equality, following <c>ConnectSchema.equals</c>.</summary>
public sealed partial class Schema
{
    // Computed once; 0 means "not yet computed" (a real hash of 0 is simply recomputed, which is harmless).
    private int _hash;

    /// <inheritdoc/>
    public bool Equals(Schema? other)
    {
        if (ReferenceEquals(this, other))
        {
            return true;
        }

        if (other is null || Type != other.Type || IsOptional != other.IsOptional || Version != other.Version ||
            _fields.Length != other._fields.Length || GetHashCode() != other.GetHashCode())
        {
            return false;
        }

        if (!string.Equals(Name, other.Name, StringComparison.Ordinal) || !string.Equals(Doc, other.Doc, StringComparison.Ordinal))
        {
            return false;
        }

        for (var i = 0; i < _fields.Length; i++)
        {
            if (!_fields[i].Equals(other._fields[i]))
            {
                return false;
            }
        }

        return Equals(KeySchema, other.KeySchema) &&
            Equals(ValueSchema, other.ValueSchema) &&
            ParametersEqual(Parameters, other.Parameters) &&
            ConnectValueComparer.Instance.Equals(DefaultValue, other.DefaultValue);
    }

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as Schema);

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        var hash = _hash;
        if (hash == 0)
        {
            hash = ComputeHash();
            _hash = hash;
        }

        return hash;
    }

    private static bool Equals(Schema? left, Schema? right) => left is null ? right is null : left.Equals(right);

    // Like java.util.Map.equals: same entries regardless of order.
    private static bool ParametersEqual(IReadOnlyDictionary<string, string>? left, IReadOnlyDictionary<string, string>? right)
    {
        if (left is null || right is null)
        {
            return left is null && right is null;
        }

        if (left.Count != right.Count)
        {
            return false;
        }

        foreach (var (key, value) in left)
        {
            if (!right.TryGetValue(key, out var other) || !string.Equals(value, other, StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    private int ComputeHash()
    {
        var hash = new HashCode();
        hash.Add(Type);
        hash.Add(IsOptional);
        hash.Add(Name, StringComparer.Ordinal);
        hash.Add(Version);
        hash.Add(Doc, StringComparer.Ordinal);
        foreach (var field in _fields)
        {
            hash.Add(field.Name, StringComparer.Ordinal);
            hash.Add(field.Schema.GetHashCode());
        }

        hash.Add(KeySchema?.GetHashCode() ?? 0);
        hash.Add(ValueSchema?.GetHashCode() ?? 0);
        if (Parameters is not null)
        {
            // Order-insensitive, matching ParametersEqual.
            var parameters = 0;
            foreach (var (key, value) in Parameters)
            {
                parameters += HashCode.Combine(StringComparer.Ordinal.GetHashCode(key), StringComparer.Ordinal.GetHashCode(value));
            }

            hash.Add(parameters);
        }

        hash.Add(ConnectValueComparer.Instance.GetHashCode(DefaultValue));
        return hash.ToHashCode();
    }
}
