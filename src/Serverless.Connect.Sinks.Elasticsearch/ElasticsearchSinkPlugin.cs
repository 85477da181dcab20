using Serverless.Connect.Configuration;
using Serverless.Connect.Configuration.Plugins;
using Serverless.Connect.Configuration.Validation;

namespace Serverless.Connect.Sinks.Elasticsearch;

/// <summary>Registers the Elasticsearch sink under Confluent's connector class name.</summary>
public static class ElasticsearchSinkPlugin
{
    /// <summary>The connector class users write in their configuration.</summary>
    public const string ClassName = "io.confluent.connect.elasticsearch.ElasticsearchSinkConnector";

    /// <summary>Creates the plugin descriptor: the <see cref="ElasticsearchSinkConfig"/> keys and Confluent's cross-field rules.</summary>
    /// <returns>A new descriptor.</returns>
    public static PluginDescriptor CreateDescriptor() =>
        PluginDescriptor.WithCrossFieldRules(ClassName, PluginKind.Sink, ElasticsearchSinkConfig.Create(), CrossFieldProblems) with { Version = "15.1.3" };

    /// <summary>Registers the descriptor in <paramref name="registry"/>.</summary>
    /// <param name="registry">The plugin registry.</param>
    /// <returns>The registry.</returns>
    public static PluginRegistry Register(PluginRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        return registry.Register(CreateDescriptor());
    }

    /// <summary>Confluent's <c>Validator</c> rules between keys, plus the authentication rules of this implementation.</summary>
    /// <param name="config">A configuration parsed with <see cref="ElasticsearchSinkConfig.Create"/>.</param>
    /// <returns>The problems, each naming a key.</returns>
    public static IReadOnlyList<ConfigProblem> CrossFieldProblems(ParsedConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var problems = new List<ConfigProblem>();
        var batchSize = config.GetInt(ElasticsearchSinkConfig.BatchSize);
        var inFlight = config.GetInt(ElasticsearchSinkConfig.MaxInFlightRequests);
        var buffered = config.GetInt(ElasticsearchSinkConfig.MaxBufferedRecords);
        if ((long)batchSize * inFlight > buffered)
        {
            problems.Add(new ConfigProblem(ElasticsearchSinkConfig.MaxBufferedRecords,
                $"'{ElasticsearchSinkConfig.MaxBufferedRecords}' ({buffered}) must be at least '{ElasticsearchSinkConfig.BatchSize}' ({batchSize}) "
                + $"times '{ElasticsearchSinkConfig.MaxInFlightRequests}' ({inFlight})."));
        }

        if (config.GetLong(ElasticsearchSinkConfig.LingerMs) > config.GetLong(ElasticsearchSinkConfig.FlushTimeoutMs))
        {
            problems.Add(new ConfigProblem(ElasticsearchSinkConfig.LingerMs,
                $"'{ElasticsearchSinkConfig.LingerMs}' must be less than or equal to '{ElasticsearchSinkConfig.FlushTimeoutMs}'."));
        }

        if (config.GetBoolean(ElasticsearchSinkConfig.KeyIgnore) && config.GetList(ElasticsearchSinkConfig.TopicKeyIgnore)!.Any(t => t.Length > 0))
        {
            problems.Add(new ConfigProblem(ElasticsearchSinkConfig.TopicKeyIgnore,
                $"'{ElasticsearchSinkConfig.TopicKeyIgnore}' cannot be set when '{ElasticsearchSinkConfig.KeyIgnore}' is true."));
        }

        if (config.GetBoolean(ElasticsearchSinkConfig.SchemaIgnore) && config.GetList(ElasticsearchSinkConfig.TopicSchemaIgnore)!.Any(t => t.Length > 0))
        {
            problems.Add(new ConfigProblem(ElasticsearchSinkConfig.TopicSchemaIgnore,
                $"'{ElasticsearchSinkConfig.TopicSchemaIgnore}' cannot be set when '{ElasticsearchSinkConfig.SchemaIgnore}' is true."));
        }

        AddUnsupportedProblems(config, problems);
        AddDataStreamProblems(config, problems);
        AddAuthProblems(config, problems);
        return problems;
    }

    private static void AddDataStreamProblems(ParsedConfig config, List<ConfigProblem> problems)
    {
        var isDataStream = !string.Equals(config.GetString(ElasticsearchSinkConfig.DataStreamTypeKey), "NONE", StringComparison.OrdinalIgnoreCase);
        var hasDataset = !string.IsNullOrEmpty(config.GetString(ElasticsearchSinkConfig.DataStreamDataset));
        if (isDataStream != hasDataset)
        {
            problems.Add(new ConfigProblem(ElasticsearchSinkConfig.DataStreamDataset,
                $"Either both or neither '{ElasticsearchSinkConfig.DataStreamDataset}' and '{ElasticsearchSinkConfig.DataStreamTypeKey}' must be set."));
        }

        if (!isDataStream)
        {
            if (config.GetList(ElasticsearchSinkConfig.DataStreamTimestampField)!.Any(t => t.Length > 0))
            {
                problems.Add(new ConfigProblem(ElasticsearchSinkConfig.DataStreamTimestampField,
                    $"'{ElasticsearchSinkConfig.DataStreamTimestampField}' can only be set when data streams are used."));
            }

            return;
        }

        if (string.Equals(config.GetString(ElasticsearchSinkConfig.WriteMethodKey), "UPSERT", StringComparison.OrdinalIgnoreCase))
        {
            problems.Add(new ConfigProblem(ElasticsearchSinkConfig.WriteMethodKey,
                $"'{ElasticsearchSinkConfig.WriteMethodKey}' UPSERT cannot be used with data streams."));
        }

        if (string.Equals(config.GetString(ElasticsearchSinkConfig.BehaviorOnNullValues), "DELETE", StringComparison.OrdinalIgnoreCase))
        {
            problems.Add(new ConfigProblem(ElasticsearchSinkConfig.BehaviorOnNullValues,
                $"'{ElasticsearchSinkConfig.BehaviorOnNullValues}' DELETE cannot be used with data streams."));
        }
    }

    private static readonly string[] UnsupportedKeys =
    [
        "topic.to.external.resource.mapping", "kerberos.user.principal", "kerberos.keytab.path",
        "proxy.host", "proxy.port", "proxy.username", "proxy.password",
    ];

    private static void AddUnsupportedProblems(ParsedConfig config, List<ConfigProblem> problems)
    {
        // Silently ignoring these would write elsewhere or connect differently than the pasted config intends.
        foreach (var key in config.Originals.Keys.Order(StringComparer.Ordinal))
        {
            var unsupported = UnsupportedKeys.Contains(key, StringComparer.Ordinal)
                || key.StartsWith("elastic.https.", StringComparison.Ordinal)
                || (key == "external.resource.usage" && !string.Equals(config.Originals[key].Trim(), "DISABLED", StringComparison.OrdinalIgnoreCase));
            if (unsupported)
            {
                problems.Add(new ConfigProblem(key, $"'{key}' is not supported by Serverless.Connect's Elasticsearch sink; remove it."));
            }
        }
    }

    private static void AddAuthProblems(ParsedConfig config, List<ConfigProblem> problems)
    {
        var hasUser = config.GetString(ElasticsearchSinkConfig.ConnectionUsername) is not null;
        var hasPassword = config.GetPassword(ElasticsearchSinkConfig.ConnectionPassword) is not null;
        if (hasUser != hasPassword)
        {
            problems.Add(new ConfigProblem(hasUser ? ElasticsearchSinkConfig.ConnectionPassword : ElasticsearchSinkConfig.ConnectionUsername,
                $"'{ElasticsearchSinkConfig.ConnectionUsername}' and '{ElasticsearchSinkConfig.ConnectionPassword}' must be set together."));
        }

        if (hasUser && config.GetPassword(ElasticsearchSinkConfig.ConnectionApiKey) is not null)
        {
            problems.Add(new ConfigProblem(ElasticsearchSinkConfig.ConnectionApiKey,
                $"'{ElasticsearchSinkConfig.ConnectionApiKey}' cannot be combined with '{ElasticsearchSinkConfig.ConnectionUsername}'."));
        }
    }
}
