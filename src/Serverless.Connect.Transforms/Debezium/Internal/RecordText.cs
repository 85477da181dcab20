namespace Serverless.Connect.Transforms.Debezium.Internal;

/// <summary>Renders record keys for log and error texts the way Debezium's <c>"{}"</c> placeholders print them.</summary>
internal static class RecordText
{
    public static string Key(object? key) => key?.ToString() ?? "null";
}
