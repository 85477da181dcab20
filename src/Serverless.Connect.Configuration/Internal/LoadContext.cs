using System.Globalization;

namespace Serverless.Connect.Configuration.Internal;

/// <summary>Collects errors and warnings while one source is interpreted; locations read <c>file:line</c>.</summary>
internal sealed class LoadContext
{
    public LoadContext(string source, IEnvironmentVariables environment)
    {
        Source = source;
        Environment = environment;
    }

    public string Source { get; }

    public IEnvironmentVariables Environment { get; }

    public List<ConfigProblem> Errors { get; } = [];

    public List<ConfigProblem> Warnings { get; } = [];

    /// <summary>A file name without directory and extension, used when a document carries no connector name.</summary>
    public string SourceStem => Path.GetFileNameWithoutExtension(Source);

    public string Where(DocNode? node) =>
        node is { Line: > 0 } ? $"{Source}:{node.Line.ToString(CultureInfo.InvariantCulture)}" : Source;

    public void Error(string? key, string message, DocNode? node) => Errors.Add(new ConfigProblem(key, message, Where(node)));

    public void Warn(string? key, string message, DocNode? node) => Warnings.Add(new ConfigProblem(key, message, Where(node)));

    /// <summary>Starts collecting warnings for one document; returns them when disposed.</summary>
    public int Mark() => Warnings.Count;

    public IReadOnlyList<ConfigProblem> WarningsSince(int mark) => Warnings.Skip(mark).ToList().AsReadOnly();
}
