namespace Serverless.Connect.Deployment;

/// <summary>One generated file.</summary>
/// <param name="RelativePath">Its path under the output directory, with <c>/</c> separators.</param>
/// <param name="Content">Its text (LF line endings).</param>
public sealed record GeneratedFile(string RelativePath, string Content);
