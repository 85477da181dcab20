using Serverless.Connect.Configuration;
using Serverless.Connect.Configuration.Loading;

namespace Serverless.Connect.Functions.Generation;

/// <summary>The functions a set of connector files becomes: one per sink connector and topic.</summary>
public sealed class FunctionLayout
{
    private readonly Dictionary<string, SinkFunction> _byName;

    private FunctionLayout(IReadOnlyList<SinkFunction> functions, IReadOnlyList<string> skipped)
    {
        Functions = functions;
        Skipped = skipped;
        _byName = functions.ToDictionary(f => f.Name, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>Gets the functions, ordered by name.</summary>
    public IReadOnlyList<SinkFunction> Functions { get; }

    /// <summary>Gets why connectors got no function (sources, unknown sinks), one line each.</summary>
    public IReadOnlyList<string> Skipped { get; }

    /// <summary>Builds the layout of loaded connector files.</summary>
    /// <param name="loaded">The connectors and workers.</param>
    /// <param name="isSink">Whether a <c>connector.class</c> names a sink the Functions app runs.</param>
    /// <returns>The layout.</returns>
    /// <exception cref="ConfigException">A sink has no <c>topics</c>, uses <c>topics.regex</c>, or two functions would get the same name.</exception>
    public static FunctionLayout From(ConfigLoadResult loaded, Func<string, bool> isSink)
    {
        ArgumentNullException.ThrowIfNull(loaded);
        ArgumentNullException.ThrowIfNull(isSink);
        var functions = new List<SinkFunction>();
        var skipped = new List<string>();
        foreach (var connector in loaded.Connectors.OrderBy(c => c.Name, StringComparer.Ordinal))
        {
            var consumes = connector.Values.ContainsKey("topics") || connector.Values.ContainsKey("topics.regex");
            if (!isSink(connector.ConnectorClass))
            {
                skipped.Add(consumes
                    ? $"{connector.Name}: connector.class {connector.ConnectorClass} is not a sink the Functions app runs"
                    : $"{connector.Name}: not a sink connector ({connector.ConnectorClass})");
                continue;
            }

            var topics = Topics(connector);
            for (var i = 0; i < topics.Count; i++)
            {
                var name = FunctionNames.Function(connector.Name, topics[i]);
                if (!FunctionNames.IsValidFunction(name))
                {
                    throw new ConfigException($"connector {connector.Name}: function name {name} for topic {topics[i]} is longer than 128 characters") { Key = "topics" };
                }

                functions.Add(new SinkFunction(name, connector, loaded.FindWorker(connector), topics[i], i));
            }
        }

        var clash = functions.GroupBy(f => f.Name, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        if (clash is not null)
        {
            var owners = string.Join(" and ", clash.Select(f => $"{f.Connector.Name}/{f.Topic}"));
            throw new ConfigException($"{owners} would both become function {clash.Key}; rename a connector") { Key = "topics" };
        }

        return new FunctionLayout([.. functions.OrderBy(f => f.Name, StringComparer.Ordinal)], skipped);
    }

    /// <summary>Finds a function by the name the host posts to (function names are case-insensitive).</summary>
    /// <param name="name">The function name.</param>
    /// <returns>The function, or null.</returns>
    public SinkFunction? Find(string name) => _byName.GetValueOrDefault(name);

    private static List<string> Topics(ConnectorConfig connector)
    {
        if (connector.Values.TryGetValue("topics", out var list) && !string.IsNullOrWhiteSpace(list))
        {
            var topics = list.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Distinct(StringComparer.Ordinal).ToList();
            if (topics.Count > 0)
            {
                return topics;
            }
        }

        if (connector.Values.ContainsKey("topics.regex"))
        {
            throw new ConfigException(
                $"connector {connector.Name}: topics.regex cannot run under the Functions Kafka trigger, which subscribes to named topics; list them in topics")
            { Key = "topics.regex" };
        }

        throw new ConfigException($"connector {connector.Name}: Must configure one of topics or topics.regex") { Key = "topics" };
    }
}
