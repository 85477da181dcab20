using System.Text.RegularExpressions;

namespace Serverless.Connect.Text;

/// <summary>One match of a <see cref="JavaRegex"/>, with Java's group numbering and names (like <c>java.util.regex.MatchResult</c>).</summary>
public sealed class JavaMatch
{
    private readonly Match _match;
    private readonly IReadOnlyDictionary<string, int> _groupNames;

    internal JavaMatch(Match match, int groupCount, IReadOnlyDictionary<string, int> groupNames)
    {
        _match = match;
        GroupCount = groupCount;
        _groupNames = groupNames;
    }

    /// <summary>Index of the first matched character.</summary>
    public int Start => _match.Index;

    /// <summary>Index after the last matched character.</summary>
    public int End => _match.Index + _match.Length;

    /// <summary>The matched text (group 0).</summary>
    public string Value => _match.Value;

    /// <summary>Number of capturing groups in the pattern, not counting group 0.</summary>
    public int GroupCount { get; }

    /// <summary>The text of group <paramref name="group"/>, or null when the group did not take part in the match.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The pattern has no such group.</exception>
    public string? Group(int group)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(group);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(group, GroupCount);
        var g = _match.Groups[group];
        return g.Success ? g.Value : null;
    }

    /// <summary>The text of the named group, or null when it did not take part in the match.</summary>
    /// <exception cref="ArgumentException">The pattern has no group with that name.</exception>
    public string? Group(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return _groupNames.TryGetValue(name, out var number)
            ? Group(number)
            : throw new ArgumentException($"No group with name <{name}>", nameof(name));
    }
}
