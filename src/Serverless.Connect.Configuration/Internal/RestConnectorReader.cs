using System.Collections.ObjectModel;

namespace Serverless.Connect.Configuration.Internal;

/// <summary>Reads Kafka Connect REST bodies: <c>{"name":…,"config":{…}}</c> (POST, or GET output) and the bare config map (PUT).</summary>
internal static class RestConnectorReader
{
    public static bool LooksLikeConnector(DocMapping document) =>
        document.Get("config") is DocMapping || document.Contains(ConnectorConfig.ConnectorClassKey);

    public static ConnectorConfig? Read(DocMapping document, LoadContext context)
    {
        var mark = context.Mark();
        var errorsBefore = context.Errors.Count;
        var wrapped = document.Get("config") is DocMapping;
        var configNode = wrapped ? (DocMapping)document.Get("config")! : document;
        var config = ConfigMapFlattener.Flatten(configNode, wrapped ? "config" : "$", context);
        var values = ConfigMapFlattener.Copy(config);

        var outerName = wrapped ? document.GetText("name") : null;
        var innerName = values.GetValueOrDefault(ConnectorConfig.NameKey);
        if (outerName is not null && innerName is not null && !string.Equals(outerName, innerName, StringComparison.Ordinal))
        {
            context.Error(ConnectorConfig.NameKey, $"Connector name configuration ({innerName}) doesn't match connector name in the request ({outerName})", document);
        }

        var name = outerName ?? innerName;
        if (string.IsNullOrWhiteSpace(name))
        {
            name = context.SourceStem;
            context.Warn(ConnectorConfig.NameKey, $"no connector name given; using '{name}' from the file name", document);
        }

        name = name.Trim();
        var connectorClass = values.GetValueOrDefault(ConnectorConfig.ConnectorClassKey);
        if (string.IsNullOrWhiteSpace(connectorClass))
        {
            context.Error(ConnectorConfig.ConnectorClassKey, $"Missing required configuration \"{ConnectorConfig.ConnectorClassKey}\" which has no default value.", configNode);
        }

        var state = ReadInitialState(document, wrapped, context);
        if (context.Errors.Count > errorsBefore)
        {
            return null;
        }

        // Connect puts the name into the config when the request only carries it outside.
        var ordered = new OrderedDictionary<string, string>(StringComparer.Ordinal) { [ConnectorConfig.NameKey] = name };
        foreach (var (key, value) in values)
        {
            ordered.TryAdd(key, value);
        }

        return new ConnectorConfig
        {
            Name = name,
            ConnectorClass = connectorClass!.Trim(),
            TasksMax = ConnectorConfig.ParseTasksMax(values.GetValueOrDefault(ConnectorConfig.TasksMaxKey)),
            Values = new ReadOnlyDictionary<string, string>(ordered),
            SourceFile = context.Source,
            SourceKind = ConfigSourceKind.ConnectRest,
            State = state,
            Warnings = context.WarningsSince(mark),
        };
    }

    private static ConnectorState ReadInitialState(DocMapping document, bool wrapped, LoadContext context)
    {
        var text = wrapped ? document.GetText("initial_state") : null;
        if (text is null)
        {
            return ConnectorState.Running;
        }

        if (Enum.TryParse<ConnectorState>(text, ignoreCase: true, out var state) && Enum.IsDefined(state))
        {
            return state;
        }

        context.Error("initial_state", $"initial_state must be one of RUNNING, PAUSED, STOPPED, not '{text}'", document);
        return ConnectorState.Running;
    }
}
