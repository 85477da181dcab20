namespace Serverless.Connect.Text;

/// <summary>
/// A Java regular expression that <c>java.util.regex.Pattern</c> would reject, or that uses a construct this port cannot
/// reproduce; the counterpart of <c>java.util.regex.PatternSyntaxException</c>.
/// </summary>
public sealed class JavaPatternSyntaxException : FormatException
{
    /// <summary>Creates the exception for <paramref name="pattern"/> with the failure at <paramref name="index"/>.</summary>
    /// <param name="description">What is wrong, in Java's wording where Java has one.</param>
    /// <param name="pattern">The offending Java pattern.</param>
    /// <param name="index">Index in the pattern near which the error was found, or -1.</param>
    public JavaPatternSyntaxException(string description, string pattern, int index)
        : base(index >= 0 ? $"{description} near index {index} in Java regex '{pattern}'" : $"{description} in Java regex '{pattern}'")
    {
        Description = description;
        Pattern = pattern;
        Index = index;
    }

    /// <summary>The error without the pattern or index.</summary>
    public string Description { get; }

    /// <summary>The Java pattern that failed to compile.</summary>
    public string Pattern { get; }

    /// <summary>Index in <see cref="Pattern"/> near the error, or -1 when unknown.</summary>
    public int Index { get; }
}
