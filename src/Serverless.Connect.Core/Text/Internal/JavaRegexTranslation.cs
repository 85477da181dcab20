namespace Serverless.Connect.Text.Internal;

/// <summary>The .NET equivalent of a Java pattern: unnamed groups numbered as in Java, plus Java's name-to-number map.</summary>
internal sealed record JavaRegexTranslation(string Pattern, int GroupCount, IReadOnlyDictionary<string, int> GroupNames);
