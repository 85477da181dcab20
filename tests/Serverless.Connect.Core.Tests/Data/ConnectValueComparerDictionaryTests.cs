using Serverless.Connect.Data;

namespace Serverless.Connect.Core.Tests.Data;

public sealed class ConnectValueComparerDictionaryTests
{
    [Fact]
    public void Generic_dictionaries_compare_and_hash_by_content()
    {
        var left = new Dictionary<string, object?> { ["a"] = 1, ["b"] = null };
        var right = new Dictionary<string, object?> { ["b"] = null, ["a"] = 1 };
        var other = new Dictionary<string, object?> { ["a"] = 2, ["b"] = null };

        Assert.True(ConnectValueComparer.Instance.Equals(left, right));
        Assert.False(ConnectValueComparer.Instance.Equals(left, other));
        Assert.Equal(ConnectValueComparer.Instance.GetHashCode(left), ConnectValueComparer.Instance.GetHashCode(right));
    }
}
