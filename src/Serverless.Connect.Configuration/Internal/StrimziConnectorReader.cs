using System.Collections.ObjectModel;
using System.Globalization;

namespace Serverless.Connect.Configuration.Internal;

/// <summary>Reads a Strimzi <c>KafkaConnector</c> resource the way the Strimzi operator turns it into a Connect REST request.</summary>
internal static class StrimziConnectorReader
{
    private static readonly HashSet<string> _knownSpecFields = new(StringComparer.Ordinal)
    {
        "class", "tasksMax", "config", "pause", "state", "autoRestart", "listOffsets", "alterOffsets", "version",
    };

    public static ConnectorConfig? Read(DocMapping document, LoadContext context)
    {
        var mark = context.Mark();
        var errorsBefore = context.Errors.Count;
        if (!StrimziApi.CheckApiVersion(document, "KafkaConnector", context))
        {
            return null;
        }

        var name = StrimziApi.MetadataName(document, context, "KafkaConnector");
        if (document.Get("spec") is not DocMapping spec)
        {
            context.Error("spec", "KafkaConnector has no spec", document);
            return null;
        }

        foreach (var (field, node) in spec.Entries)
        {
            if (!_knownSpecFields.Contains(field))
            {
                context.Warn("spec." + field, "unknown KafkaConnector field; ignored", node);
            }
        }

        var config = spec.Get("config") switch
        {
            null => new ReadOnlyDictionary<string, string>(new Dictionary<string, string>()),
            DocMapping mapping => ConfigMapFlattener.Flatten(mapping, "spec.config", context),
            var other => Fail(context, other),
        };

        var connectorClass = ReadClass(spec, config, context);
        var tasksMax = ReadTasksMax(spec, context);
        var state = ReadState(spec, context);
        if (name is null || connectorClass is null || context.Errors.Count > errorsBefore)
        {
            return null;
        }

        // Strimzi sends name, connector.class and tasks.max from metadata/spec; the same keys in spec.config lose.
        var values = new OrderedDictionary<string, string>(StringComparer.Ordinal)
        {
            [ConnectorConfig.NameKey] = name,
            [ConnectorConfig.ConnectorClassKey] = connectorClass,
        };
        if (tasksMax is not null)
        {
            values[ConnectorConfig.TasksMaxKey] = tasksMax.Value.ToString(CultureInfo.InvariantCulture);
        }

        foreach (var (key, value) in config)
        {
            if (!values.ContainsKey(key))
            {
                values[key] = value;
            }
            else if (!string.Equals(values[key], value, StringComparison.Ordinal))
            {
                context.Warn(key, $"spec.config.{key} cannot be set in a KafkaConnector and is ignored; the value from metadata/spec is used", spec.Get("config"));
            }
        }

        return new ConnectorConfig
        {
            Name = name,
            ConnectorClass = connectorClass,
            TasksMax = tasksMax ?? ConnectorConfig.ParseTasksMax(config.GetValueOrDefault(ConnectorConfig.TasksMaxKey)),
            Values = new ReadOnlyDictionary<string, string>(values),
            SourceFile = context.Source,
            SourceKind = ConfigSourceKind.StrimziResource,
            State = state,
            ClusterName = StrimziApi.Label(document, StrimziApi.ClusterLabel),
            Warnings = context.WarningsSince(mark),
        };
    }

    private static ReadOnlyDictionary<string, string> Fail(LoadContext context, DocNode node)
    {
        context.Error("spec.config", $"spec.config must be a mapping, but is a {node.KindName}", node);
        return new ReadOnlyDictionary<string, string>(new Dictionary<string, string>());
    }

    private static string? ReadClass(DocMapping spec, IReadOnlyDictionary<string, string> config, LoadContext context)
    {
        var specClass = spec.GetText("class");
        if (!string.IsNullOrWhiteSpace(specClass))
        {
            return specClass.Trim();
        }

        if (config.TryGetValue(ConnectorConfig.ConnectorClassKey, out var configClass) && !string.IsNullOrWhiteSpace(configClass))
        {
            context.Warn("spec.class", "spec.class is missing; using spec.config.connector.class instead", spec);
            return configClass.Trim();
        }

        context.Error("spec.class", "KafkaConnector has no spec.class", spec);
        return null;
    }

    private static int? ReadTasksMax(DocMapping spec, LoadContext context)
    {
        var node = spec.Get("tasksMax");
        if (node is null or DocScalar { Kind: ScalarKind.Null })
        {
            return null;
        }

        if (node is DocScalar scalar && int.TryParse(scalar.Text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var tasks))
        {
            if (scalar.Kind == ScalarKind.String)
            {
                context.Warn("spec.tasksMax", "spec.tasksMax should be an integer, not a string", node);
            }

            return tasks;
        }

        context.Error("spec.tasksMax", "spec.tasksMax must be an integer", node);
        return null;
    }

    private static ConnectorState ReadState(DocMapping spec, LoadContext context)
    {
        var stateText = spec.GetText("state");
        if (stateText is not null)
        {
            if (Enum.TryParse<ConnectorState>(stateText, ignoreCase: true, out var state) && Enum.IsDefined(state))
            {
                return state;
            }

            context.Error("spec.state", $"spec.state must be one of running, paused, stopped, not '{stateText}'", spec.Get("state"));
            return ConnectorState.Running;
        }

        if (spec.GetText("pause") is "true")
        {
            context.Warn("spec.pause", "spec.pause is deprecated; use spec.state: paused", spec.Get("pause"));
            return ConnectorState.Paused;
        }

        return ConnectorState.Running;
    }
}
