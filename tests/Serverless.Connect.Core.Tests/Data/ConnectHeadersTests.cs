using Serverless.Connect.Data;
using Serverless.Connect.Errors;

namespace Serverless.Connect.Core.Tests.Data;

public sealed class ConnectHeadersTests
{
    [Fact]
    public void Add_ReturnsNewInstance_AndLeavesOriginalUnchanged()
    {
        var empty = ConnectHeaders.Empty;
        var one = empty.AddString("a", "1");
        var two = one.AddInt32("b", 2);

        Assert.Empty(empty);
        Assert.Single(one);
        Assert.Equal(2, two.Count);
        Assert.Equal("b", two[1].Key);
        Assert.Equal(Schema.Int32Schema, two[1].Schema);
    }

    [Fact]
    public void DuplicateKeys_AreKeptInOrder()
    {
        var headers = ConnectHeaders.Empty.AddString("k", "1").AddString("x", "y").AddString("k", "2");

        Assert.Equal(3, headers.Count);
        Assert.Equal(["1", "2"], headers.AllWithName("k").Select(h => (string?)h.Value));
        Assert.Equal("2", headers.LastWithName("k")!.Value);
        Assert.Null(headers.LastWithName("missing"));
        Assert.True(headers.ContainsKey("x"));
    }

    [Fact]
    public void Remove_DropsAllWithKey_AndKeepsOriginal()
    {
        var headers = ConnectHeaders.Empty.AddString("k", "1").AddString("x", "y").AddString("k", "2");
        var removed = headers.Remove("k");

        Assert.Single(removed);
        Assert.Equal("x", removed[0].Key);
        Assert.Equal(3, headers.Count);
        Assert.Same(headers, headers.Remove("absent"));
    }

    [Fact]
    public void RemoveAll_ByKeysOrPredicate()
    {
        var headers = ConnectHeaders.Empty.AddString("a", "1").AddString("b", "2").AddString("c", "3");

        Assert.Equal(["b"], headers.RemoveAll(["a", "c"]).Select(h => h.Key));
        Assert.Equal(["a", "c"], headers.RemoveAll(h => h.Key == "b").Select(h => h.Key));
        Assert.Same(ConnectHeaders.Empty, headers.RemoveAll(_ => true));
    }

    [Fact]
    public void Retain_KeepsMatching()
    {
        var headers = ConnectHeaders.Empty.AddString("a", "1").AddString("b", "2");

        Assert.Equal(["a"], headers.Retain(h => h.Key == "a").Select(h => h.Key));
        Assert.Same(headers, headers.Retain(_ => true));
    }

    [Fact]
    public void RetainLatest_KeepsLastPerKey()
    {
        var headers = ConnectHeaders.Empty.AddString("k", "1").AddString("x", "a").AddString("k", "2").AddString("x", "b");

        Assert.Equal(["1", "2", "b"], headers.RetainLatest("x").Select(h => (string?)h.Value));
        Assert.Equal(["2", "b"], headers.RetainLatest().Select(h => (string?)h.Value));
    }

    [Fact]
    public void Header_ValueIsValidatedAgainstSchema()
    {
        Assert.Throws<DataException>(() => ConnectHeaders.Empty.Add("k", Schema.Int32Schema, "x"));
        Assert.Equal(Schema.OptionalStringSchema, ConnectHeaders.Empty.AddString("k", null)[0].Schema);
        Assert.Null(ConnectHeaders.Empty.Add("k", null, new object())[0].Schema);
    }

    [Fact]
    public void Equality_IsStructural()
    {
        var left = ConnectHeaders.Empty.AddBytes("b", [1, 2]).AddBoolean("f", true);
        var right = ConnectHeaders.Create([new ConnectHeader("b", Schema.BytesSchema, new byte[] { 1, 2 }), new ConnectHeader("f", Schema.BooleanSchema, true)]);

        Assert.Equal(left, right);
        Assert.Equal(left.GetHashCode(), right.GetHashCode());
        Assert.NotEqual(left, right.Remove("f"));
    }

    [Fact]
    public void Enumeration_VisitsAllInOrder()
    {
        var headers = ConnectHeaders.Empty.AddInt64("a", 1).AddInt64("b", 2);
        var keys = new List<string>();
        foreach (var header in headers)
        {
            keys.Add(header.Key);
        }

        Assert.Equal(["a", "b"], keys);
        Assert.Equal(["a", "b"], ((IEnumerable<ConnectHeader>)headers).Select(h => h.Key));
    }
}
