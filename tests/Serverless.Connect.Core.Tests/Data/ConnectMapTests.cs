using Serverless.Connect.Data;

namespace Serverless.Connect.Core.Tests.Data;

public sealed class ConnectMapTests
{
    [Fact]
    public void Create_KeepsOrder_AndLastDuplicateWinsAtFirstPosition()
    {
        var map = ConnectMap.Create([new("b", 1), new("a", 2), new("b", 3)]);

        Assert.Equal(["b", "a"], map.Keys);
        Assert.Equal(3, map["b"]);
        Assert.Equal(2, map.Count);
    }

    [Fact]
    public void With_ReplacesInPlaceOrAppends_WithoutChangingOriginal()
    {
        var map = ConnectMap.Create([new("a", 1)]);
        var replaced = map.With("a", 2);
        var appended = map.With("b", 3);

        Assert.Equal(1, map["a"]);
        Assert.Equal(2, replaced["a"]);
        Assert.Equal(["a", "b"], appended.Keys);
    }

    [Fact]
    public void Without_RemovesKey()
    {
        var map = ConnectMap.Create([new("a", 1), new("b", 2), new("c", 3)]);

        Assert.Equal(["a", "c"], map.Without("b").Keys);
        Assert.Same(map, map.Without("zzz"));
    }

    [Fact]
    public void Lookup_WorksForSmallAndLargeMapsAndNonStringKeys()
    {
        var large = ConnectMap.Create(Enumerable.Range(0, 20).Select(i => new KeyValuePair<object, object?>(i, i * 10)));

        Assert.Equal(190, large[19]);
        Assert.True(large.TryGetValue(3, out var three));
        Assert.Equal(30, three);
        Assert.False(large.ContainsKey(20L));
        Assert.Throws<KeyNotFoundException>(() => large[99]);
    }

    [Fact]
    public void DeepEquality_MatchesDictionaryWithSameEntries()
    {
        var map = ConnectMap.Create([new("a", new byte[] { 1 }), new("b", null)]);
        var dictionary = new Dictionary<object, object?> { ["b"] = null, ["a"] = new byte[] { 1 } };

        Assert.True(ConnectValueComparer.Instance.Equals(map, dictionary));
        Assert.Equal(ConnectValueComparer.Instance.GetHashCode(map), ConnectValueComparer.Instance.GetHashCode(dictionary));
        Assert.Equal("{a=AQ==, b=null}", map.ToString());
    }

    [Fact]
    public void Enumeration_YieldsEntriesInOrder()
    {
        var map = ConnectMap.Create([new("x", 1), new("y", 2)]);
        var seen = new List<string>();
        foreach (var (key, value) in map)
        {
            seen.Add($"{key}={value}");
        }

        Assert.Equal(["x=1", "y=2"], seen);
        Assert.Equal(["x", "y"], ((IEnumerable<KeyValuePair<object, object?>>)map).Select(e => (string)e.Key));
    }
}
