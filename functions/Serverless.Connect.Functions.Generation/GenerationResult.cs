namespace Serverless.Connect.Functions.Generation;

/// <summary>What <see cref="FunctionsGenerator.Generate"/> did.</summary>
/// <param name="Layout">The functions.</param>
/// <param name="Files">The files written, relative to the app root, <c>/</c>-separated.</param>
public sealed record GenerationResult(FunctionLayout Layout, IReadOnlyList<string> Files);
