using System.Text.Json.Serialization;

namespace Serverless.Connect.Functions;

/// <summary>The custom handler's response body; the host requires JSON with these exact names, even on failure.</summary>
/// <param name="Logs">Lines the host writes to the invocation log (only read from a 2xx response).</param>
internal sealed record InvocationResponse([property: JsonPropertyName("Logs")] IReadOnlyList<string> Logs)
{
    /// <summary>Gets the output bindings (none: dead letters are produced directly, so their delivery is known).</summary>
    [JsonPropertyName("Outputs")]
    public IReadOnlyDictionary<string, object> Outputs { get; } = new Dictionary<string, object>();

    /// <summary>Gets the <c>$return</c> value (unused).</summary>
    [JsonPropertyName("ReturnValue")]
    public object? ReturnValue => null;
}
