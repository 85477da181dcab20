using System.Text.Json;

namespace Serverless.Connect.Runtime.Status;

/// <summary>
/// Writes the read-only part of Kafka Connect's REST API in its JSON shapes (<c>GET /</c>, <c>/connectors</c>,
/// <c>/connectors/{name}/status</c>, <c>/connectors/{name}/tasks/{id}/status</c>, errors), shared by the hosts that
/// answer it.
/// </summary>
public static class ConnectStatusJson
{
    /// <summary>Writes <c>{"version":…}</c>, the answer to <c>GET /</c>.</summary>
    /// <param name="json">The writer.</param>
    public static void WriteServerInfo(Utf8JsonWriter json)
    {
        ArgumentNullException.ThrowIfNull(json);
        json.WriteStartObject();
        json.WriteString("version", typeof(ConnectStatusJson).Assembly.GetName().Version?.ToString() ?? "0");
        json.WriteEndObject();
    }

    /// <summary>Writes the connector names array of <c>GET /connectors</c>.</summary>
    /// <param name="json">The writer.</param>
    /// <param name="names">The connector names.</param>
    public static void WriteConnectorNames(Utf8JsonWriter json, IEnumerable<string> names)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(names);
        json.WriteStartArray();
        foreach (var name in names)
        {
            json.WriteStringValue(name);
        }

        json.WriteEndArray();
    }

    /// <summary>Writes <c>{"name","connector":{"state","worker_id"},"tasks":[…],"type"}</c>.</summary>
    /// <param name="json">The writer.</param>
    /// <param name="name">The connector name.</param>
    /// <param name="connectorState">The connector's (not the tasks') state; Connect keeps a connector RUNNING while a task fails.</param>
    /// <param name="workerId">The worker id.</param>
    /// <param name="tasks">The tasks.</param>
    /// <param name="type"><c>source</c> or <c>sink</c>.</param>
    public static void WriteConnectorStatus(
        Utf8JsonWriter json, string name, string connectorState, string workerId, IEnumerable<ConnectTaskStatus> tasks, string type)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(tasks);
        json.WriteStartObject();
        json.WriteString("name", name);
        json.WriteStartObject("connector");
        json.WriteString("state", connectorState);
        json.WriteString("worker_id", workerId);
        json.WriteEndObject();
        json.WriteStartArray("tasks");
        foreach (var task in tasks)
        {
            WriteTaskStatus(json, task);
        }

        json.WriteEndArray();
        json.WriteString("type", type);
        json.WriteEndObject();
    }

    /// <summary>Writes one task's <c>{"id","state","worker_id","trace"?}</c>.</summary>
    /// <param name="json">The writer.</param>
    /// <param name="task">The task.</param>
    public static void WriteTaskStatus(Utf8JsonWriter json, ConnectTaskStatus task)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(task);
        json.WriteStartObject();
        json.WriteNumber("id", task.Id);
        json.WriteString("state", task.State);
        json.WriteString("worker_id", task.WorkerId);
        if (!string.IsNullOrEmpty(task.Trace))
        {
            json.WriteString("trace", task.Trace);
        }

        json.WriteEndObject();
    }

    /// <summary>Writes Connect's 404 body: <c>{"error_code":404,"message":"Connector x not found"}</c> or <c>HTTP 404 Not Found</c>.</summary>
    /// <param name="json">The writer.</param>
    /// <param name="pathSegments">The request path's unescaped segments.</param>
    public static void WriteNotFound(Utf8JsonWriter json, IReadOnlyList<string> pathSegments)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(pathSegments);
        json.WriteStartObject();
        json.WriteNumber("error_code", 404);
        json.WriteString("message", pathSegments.Count >= 2 && pathSegments[0] == "connectors"
            ? $"Connector {pathSegments[1]} not found"
            : "HTTP 404 Not Found");
        json.WriteEndObject();
    }
}
