namespace Serverless.Connect.Text.Internal;

/// <summary>One element of a date pattern: a run of one pattern letter, or literal text (<see cref="Letter"/> is NUL).</summary>
internal readonly record struct DatePatternToken(char Letter, int Count, string? Literal)
{
    public bool IsLiteral => Letter == '\0';
}
