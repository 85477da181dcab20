using Serverless.Connect.Configuration;
using Serverless.Connect.Configuration.Connect;
using Serverless.Connect.Configuration.Loading;

namespace Serverless.Connect.Functions.Generation;

/// <summary>
/// Writes a Functions app from connector files (what <c>./connect generate functions</c> runs): host.json, one folder with a
/// function.json per sink connector and topic, and the connector and worker files copied into <c>connectors/</c>, where
/// the custom handler reads them. Output depends on the files only (the process environment is ignored).
/// </summary>
public static class FunctionsGenerator
{
    /// <summary>The folder of the app the connector files are copied to.</summary>
    public const string ConnectorsFolder = "connectors";

    /// <summary>Loads connector files with the environment ignored, as generation and the handler's layout need.</summary>
    /// <param name="configPath">A connector file or a directory of them.</param>
    /// <returns>The loaded files.</returns>
    /// <exception cref="ConfigLoadException">A file is malformed.</exception>
    public static ConfigLoadResult Load(string configPath) =>
        new ConnectConfigLoader(DictionaryEnvironmentVariables.Empty).Load(configPath);

    /// <summary>Generates the app.</summary>
    /// <param name="configPath">A connector file or a directory of connector and worker files.</param>
    /// <param name="outputDirectory">The app root (where host.json goes).</param>
    /// <param name="isSink">Whether a <c>connector.class</c> names a sink the app runs.</param>
    /// <returns>What was written and what was skipped.</returns>
    /// <exception cref="ConfigLoadException">A file is malformed.</exception>
    /// <exception cref="ConfigException">A sink cannot run under the Kafka trigger (see <see cref="FunctionLayout.From"/>, <see cref="TextConverters"/>).</exception>
    public static GenerationResult Generate(string configPath, string outputDirectory, Func<string, bool> isSink)
    {
        ArgumentNullException.ThrowIfNull(configPath);
        ArgumentNullException.ThrowIfNull(outputDirectory);
        var loaded = Load(configPath);
        var layout = FunctionLayout.From(loaded, isSink);
        var files = new SortedDictionary<string, string>(StringComparer.Ordinal) { ["host.json"] = FunctionFiles.HostJson() };
        var copies = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var function in layout.Functions)
        {
            var merged = ConnectorConfigMerger.Merge(function.Connector, function.Worker, DictionaryEnvironmentVariables.Empty);
            TextConverters.EnsureText(merged);
            var security = TriggerSecurity.From(function.Worker?.Values, function.Worker?.Name ?? "the default worker");
            files[$"{function.Name}/function.json"] = FunctionFiles.FunctionJson(function, security);
            copies.Add(function.Connector.SourceFile ?? throw new ConfigException($"connector {function.Connector.Name} has no source file"));
            if (function.Worker?.SourceFile is { } workerFile)
            {
                copies.Add(workerFile);
            }
        }

        Directory.CreateDirectory(outputDirectory);
        RemoveStaleFunctions(outputDirectory, layout);
        foreach (var (relative, text) in files)
        {
            var path = Path.Combine(outputDirectory, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, text);
        }

        var written = files.Keys.ToList();
        var connectors = Path.GetFullPath(Path.Combine(outputDirectory, ConnectorsFolder));
        RemoveStaleCopies(connectors, copies);
        foreach (var source in copies)
        {
            var target = Path.Combine(connectors, Path.GetFileName(source));
            written.Add($"{ConnectorsFolder}/{Path.GetFileName(source)}");
            if (!string.Equals(Path.GetFullPath(source), target, StringComparison.Ordinal))
            {
                Directory.CreateDirectory(connectors);
                File.Copy(source, target, overwrite: true);
            }
        }

        return new GenerationResult(layout, written);
    }

    // A connector file left behind in connectors/ would still be loaded by the handler (and could clash by name).
    private static void RemoveStaleCopies(string connectors, IReadOnlyCollection<string> copies)
    {
        if (!Directory.Exists(connectors) || copies.Any(c => string.Equals(Path.GetDirectoryName(Path.GetFullPath(c)), connectors, StringComparison.Ordinal)))
        {
            // Generating from connectors/ itself: the sources are the copies.
            return;
        }

        var keep = copies.Select(Path.GetFileName).ToHashSet(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(connectors))
        {
            if (!keep.Contains(Path.GetFileName(file)))
            {
                File.Delete(file);
            }
        }
    }

    // Every function folder is generated, so a folder whose connector or topic went away is removed with it.
    private static void RemoveStaleFunctions(string outputDirectory, FunctionLayout layout)
    {
        foreach (var directory in Directory.EnumerateDirectories(outputDirectory))
        {
            var name = Path.GetFileName(directory);
            if (File.Exists(Path.Combine(directory, "function.json")) && layout.Find(name) is null)
            {
                Directory.Delete(directory, recursive: true);
            }
        }
    }
}
