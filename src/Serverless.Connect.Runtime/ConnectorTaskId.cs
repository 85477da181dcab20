using System.Globalization;

namespace Serverless.Connect.Runtime;

/// <summary>Identifies one task of a connector, as Kafka Connect's <c>ConnectorTaskId</c> does.</summary>
/// <param name="Connector">The connector name.</param>
/// <param name="Task">The task number, starting at 0.</param>
public sealed record ConnectorTaskId(string Connector, int Task)
{
    /// <summary>Formats the id as Connect does in logs: <c>connector-task</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => Connector + "-" + Task.ToString(CultureInfo.InvariantCulture);
}
