using Serverless.Connect.Configuration.Internal;

namespace Serverless.Connect.Configuration.Loading;

/// <summary>
/// Loads connector and worker configurations from Strimzi YAML, Kafka Connect REST JSON and Java properties files,
/// single files or whole directories, with unchanged Kafka Connect semantics.
/// </summary>
public sealed class ConnectConfigLoader
{
    private static readonly string[] _workerMarkers =
    [
        "bootstrap.servers", "group.id", "key.converter", "value.converter", "offset.storage.topic", "config.storage.topic",
        "status.storage.topic", "offset.storage.file.filename", "plugin.path", "listeners", "config.providers",
    ];

    private readonly IEnvironmentVariables _environment;

    /// <summary>Creates a loader.</summary>
    /// <param name="environment">Source of <c>KAFKA_BOOTSTRAP_SERVERS</c>; the process environment when null.</param>
    public ConnectConfigLoader(IEnvironmentVariables? environment = null)
    {
        _environment = environment ?? SystemEnvironmentVariables.Instance;
    }

    /// <summary>Loads a file or every configuration file in a directory.</summary>
    /// <param name="path">A file or directory.</param>
    /// <returns>What was found.</returns>
    /// <exception cref="ConfigLoadException">Any source is malformed; every problem is listed.</exception>
    public ConfigLoadResult Load(string path) => Directory.Exists(path) ? LoadDirectory(path) : LoadFile(path);

    /// <summary>Loads one file; the format comes from its extension (<c>.yaml/.yml</c>, <c>.json</c>, <c>.properties</c>).</summary>
    /// <param name="path">The file.</param>
    /// <returns>What was found.</returns>
    /// <exception cref="ConfigLoadException">The file is missing or malformed.</exception>
    public ConfigLoadResult LoadFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            throw new ConfigLoadException([new ConfigProblem(null, "configuration file not found", path)]);
        }

        return LoadText(TextFiles.Read(path), FormatOf(path), path);
    }

    /// <summary>Loads every <c>.yaml</c>, <c>.yml</c>, <c>.json</c> and <c>.properties</c> file of a directory (not recursive; hidden files skipped).</summary>
    /// <param name="directory">The directory.</param>
    /// <returns>What was found, in file-name order.</returns>
    /// <exception cref="ConfigLoadException">Any file is malformed, or two connectors share a name.</exception>
    public ConfigLoadResult LoadDirectory(string directory)
    {
        ArgumentNullException.ThrowIfNull(directory);
        if (!Directory.Exists(directory))
        {
            throw new ConfigLoadException([new ConfigProblem(null, "configuration directory not found", directory)]);
        }

        var files = Directory.EnumerateFiles(directory)
            .Where(f => !Path.GetFileName(f).StartsWith('.') && IsConfigFile(f))
            .Order(StringComparer.Ordinal)
            .ToList();
        var sources = files.Select(f => (Text: TextFiles.Read(f), Format: FormatOf(f), Source: f));
        return LoadSources(sources);
    }

    /// <summary>Loads configuration text.</summary>
    /// <param name="text">The text.</param>
    /// <param name="format">Its format.</param>
    /// <param name="sourceName">The name used in messages and as the fallback connector name.</param>
    /// <returns>What was found.</returns>
    /// <exception cref="ConfigLoadException">The text is malformed.</exception>
    public ConfigLoadResult LoadText(string text, ConfigFormat format, string sourceName = "config") =>
        LoadSources([(text, format, sourceName)]);

    /// <summary>Loads a connector from a Java properties file (connect-standalone style: <c>name</c>, <c>connector.class</c>, ...).</summary>
    /// <param name="path">The file.</param>
    /// <returns>The connector configuration.</returns>
    /// <exception cref="ConfigLoadException">The file is missing or has no <c>connector.class</c>.</exception>
    public ConnectorConfig LoadConnectorProperties(string path)
    {
        var context = new LoadContext(path, _environment);
        var connector = ReadConnectorProperties(ReadProperties(path, context), context);
        ThrowIfErrors(context.Errors);
        return connector!;
    }

    /// <summary>Loads a worker from a Java properties file (<c>connect-distributed.properties</c> style).</summary>
    /// <param name="path">The file.</param>
    /// <returns>The worker configuration, with <c>KAFKA_BOOTSTRAP_SERVERS</c> applied.</returns>
    /// <exception cref="ConfigLoadException">The file is missing or malformed.</exception>
    public WorkerConfig LoadWorkerProperties(string path)
    {
        var context = new LoadContext(path, _environment);
        var values = ReadProperties(path, context);
        ThrowIfErrors(context.Errors);
        return ToWorker(values, context);
    }

    /// <summary>Loads a partial configuration: a flat map, a <c>config:</c> block, or a resource's <c>spec.config</c>.</summary>
    /// <param name="path">A <c>.yaml</c>, <c>.json</c> or <c>.properties</c> file.</param>
    /// <returns>The settings.</returns>
    /// <exception cref="ConfigLoadException">The file is missing or malformed.</exception>
    public ConfigFragment LoadConfigFragment(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            throw new ConfigLoadException([new ConfigProblem(null, "configuration file not found", path)]);
        }

        return LoadConfigFragmentText(TextFiles.Read(path), FormatOf(path), path);
    }

    /// <summary>Loads a partial configuration from text.</summary>
    /// <param name="text">The text.</param>
    /// <param name="format">Its format.</param>
    /// <param name="sourceName">The name used in messages.</param>
    /// <returns>The settings.</returns>
    /// <exception cref="ConfigLoadException">The text is malformed.</exception>
    public ConfigFragment LoadConfigFragmentText(string text, ConfigFormat format, string sourceName = "config")
    {
        ArgumentNullException.ThrowIfNull(text);
        var context = new LoadContext(sourceName, _environment);
        IReadOnlyDictionary<string, string> values = new Dictionary<string, string>();
        try
        {
            if (format == ConfigFormat.Properties)
            {
                values = JavaProperties.Parse(text);
            }
            else
            {
                var first = text.TrimStart();
                var json = format == ConfigFormat.Json || (format == ConfigFormat.Auto && (first.StartsWith('{') || first.StartsWith('[')));
                var root = json
                    ? JsonDocumentReader.Read(text, sourceName, context.Warnings)
                    : YamlDocumentReader.Read(text, sourceName, context.Warnings).FirstOrDefault(d => d is not DocScalar { Kind: ScalarKind.Null });
                var mapping = root as DocMapping;
                var inner = (mapping?.Get("spec") as DocMapping)?.Get("config") as DocMapping ?? mapping?.Get("config") as DocMapping ?? mapping;
                if (inner is null)
                {
                    context.Error(null, "expected a mapping of configuration keys", root);
                }
                else
                {
                    values = ConfigMapFlattener.Flatten(inner, inner == mapping ? "$" : "config", context);
                }
            }
        }
        catch (ConfigException e)
        {
            context.Errors.Add(new ConfigProblem(null, e.Message));
        }

        ThrowIfErrors(context.Errors);
        return new ConfigFragment(values, context.Warnings.ToList().AsReadOnly(), sourceName);
    }

    private ConfigLoadResult LoadSources(IEnumerable<(string Text, ConfigFormat Format, string Source)> sources)
    {
        var connectors = new List<ConnectorConfig>();
        var workers = new List<WorkerConfig>();
        var errors = new List<ConfigProblem>();
        var warnings = new List<ConfigProblem>();
        foreach (var (text, format, source) in sources)
        {
            var context = new LoadContext(source, _environment);
            try
            {
                LoadOne(text, format, context, connectors, workers);
            }
            catch (ConfigException e)
            {
                context.Errors.Add(new ConfigProblem(null, e.Message));
            }

            errors.AddRange(context.Errors);
            warnings.AddRange(context.Warnings);
        }

        foreach (var duplicate in connectors.GroupBy(c => c.Name, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            errors.Add(new ConfigProblem(
                ConnectorConfig.NameKey,
                $"connector '{duplicate.Key}' is defined more than once ({string.Join(", ", duplicate.Select(c => c.SourceFile))})"));
        }

        ThrowIfErrors(errors);
        return new ConfigLoadResult(connectors.AsReadOnly(), workers.AsReadOnly(), warnings.AsReadOnly());
    }

    private void LoadOne(string text, ConfigFormat format, LoadContext context, List<ConnectorConfig> connectors, List<WorkerConfig> workers)
    {
        if (format == ConfigFormat.Auto)
        {
            var first = text.TrimStart();
            format = first.StartsWith('{') || first.StartsWith('[') ? ConfigFormat.Json : ConfigFormat.Yaml;
        }

        switch (format)
        {
            case ConfigFormat.Properties:
                var values = JavaProperties.Parse(text);
                if (values.ContainsKey(ConnectorConfig.ConnectorClassKey))
                {
                    connectors.Add(ReadConnectorProperties(values, context)!);
                }
                else if (_workerMarkers.Any(values.ContainsKey))
                {
                    workers.Add(ToWorker(values, context));
                }
                else
                {
                    context.Error(null, "neither connector properties (no connector.class) nor worker properties (no bootstrap.servers, group.id or converters)", null);
                }

                break;
            case ConfigFormat.Json:
                var jsonWarnings = new List<ConfigProblem>();
                var root = JsonDocumentReader.Read(text, context.Source, jsonWarnings);
                InterpretDocument(root, jsonWarnings, context, connectors, workers);
                break;
            default:
                foreach (var (document, warnings) in YamlDocumentReader.ReadWithWarnings(text, context.Source))
                {
                    InterpretDocument(document, warnings, context, connectors, workers);
                }

                break;
        }
    }

    // Warnings found while parsing a document (duplicate keys) belong to the configurations read from it.
    private static void InterpretDocument(
        DocNode root, IReadOnlyList<ConfigProblem> parseWarnings, LoadContext context, List<ConnectorConfig> connectors, List<WorkerConfig> workers)
    {
        context.Warnings.AddRange(parseWarnings);
        var connectorCount = connectors.Count;
        var workerCount = workers.Count;
        DocumentInterpreter.Interpret(root, context, connectors, workers);
        if (parseWarnings.Count == 0)
        {
            return;
        }

        for (var i = connectorCount; i < connectors.Count; i++)
        {
            connectors[i] = connectors[i] with { Warnings = [.. parseWarnings, .. connectors[i].Warnings] };
        }

        for (var i = workerCount; i < workers.Count; i++)
        {
            workers[i] = workers[i] with { Warnings = [.. parseWarnings, .. workers[i].Warnings] };
        }
    }

    private static ConnectorConfig? ReadConnectorProperties(IReadOnlyDictionary<string, string> values, LoadContext context)
    {
        var ordered = ConfigMapFlattener.Copy(values);
        if (!ordered.TryGetValue(ConnectorConfig.NameKey, out var name) || string.IsNullOrWhiteSpace(name))
        {
            context.Warn(ConnectorConfig.NameKey, $"no connector name given; using '{context.SourceStem}' from the file name", null);
            var withName = new OrderedDictionary<string, string>(StringComparer.Ordinal) { [ConnectorConfig.NameKey] = context.SourceStem };
            foreach (var (k, v) in ordered)
            {
                withName.TryAdd(k, v);
            }

            withName[ConnectorConfig.NameKey] = context.SourceStem;
            ordered = withName;
        }

        try
        {
            return ConnectorConfig.FromValues(ordered) with
            {
                SourceFile = context.Source,
                SourceKind = ConfigSourceKind.JavaProperties,
                Warnings = context.Warnings.ToList().AsReadOnly(),
            };
        }
        catch (ConfigException e)
        {
            context.Error(e.Key, e.Message, null);
            return null;
        }
    }

    private WorkerConfig ToWorker(IReadOnlyDictionary<string, string> values, LoadContext context) =>
        (WorkerConfig.FromValues(values, context.SourceStem) with
        {
            SourceFile = context.Source,
            SourceKind = ConfigSourceKind.JavaProperties,
        }).WithEnvironmentOverrides(_environment);

    private static IReadOnlyDictionary<string, string> ReadProperties(string path, LoadContext context)
    {
        if (!File.Exists(path))
        {
            throw new ConfigLoadException([new ConfigProblem(null, "configuration file not found", path)]);
        }

        try
        {
            return JavaProperties.Parse(TextFiles.Read(path));
        }
        catch (ConfigException e)
        {
            context.Error(null, e.Message, null);
            return new Dictionary<string, string>();
        }
    }

    private static void ThrowIfErrors(IReadOnlyList<ConfigProblem> errors)
    {
        if (errors.Count > 0)
        {
            throw new ConfigLoadException(errors);
        }
    }

    private static bool IsConfigFile(string path) => Path.GetExtension(path).ToUpperInvariant() is ".YAML" or ".YML" or ".JSON" or ".PROPERTIES";

    private static ConfigFormat FormatOf(string path) => Path.GetExtension(path).ToUpperInvariant() switch
    {
        ".JSON" => ConfigFormat.Json,
        ".PROPERTIES" => ConfigFormat.Properties,
        ".YAML" or ".YML" => ConfigFormat.Yaml,
        _ => ConfigFormat.Auto,
    };
}
