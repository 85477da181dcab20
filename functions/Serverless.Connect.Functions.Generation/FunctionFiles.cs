using System.Text;
using System.Text.Json;

namespace Serverless.Connect.Functions.Generation;

/// <summary>The text of host.json and of each function.json, byte-for-byte deterministic (LF, two-space indent).</summary>
public static class FunctionFiles
{
    /// <summary>The executable the host starts, relative to the app root (the handler published into <c>bin/</c>).</summary>
    public const string ExecutablePath = "bin/Serverless.Connect.Functions";

    /// <summary>The extension bundle range: 4.37.0 is the first with the Kafka extension's <c>commitOnFailure</c>.</summary>
    public const string BundleRange = "[4.37.0, 5.0.0)";

    /// <summary>Records per invocation, Connect's <c>max.poll.records</c> default.</summary>
    public const int MaxBatchSize = 500;

    private static readonly JsonWriterOptions _options = new() { Indented = true, NewLine = "\n", IndentSize = 2 };

    /// <summary>Renders host.json.</summary>
    /// <returns>The text, ending with a newline.</returns>
    public static string HostJson() => Write(w =>
    {
        w.WriteString("version", "2.0");
        // The host's HttpClient timeout is functionTimeout + 1 minute; without it a stuck call would hold the batch forever.
        w.WriteString("functionTimeout", "00:10:00");
        w.WriteStartObject("customHandler");
        w.WriteStartObject("description");
        w.WriteString("defaultExecutablePath", ExecutablePath);
        w.WriteStartArray("arguments");
        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteBoolean("enableForwardingHttpRequest", false);
        w.WriteEndObject();
        w.WriteStartObject("extensionBundle");
        w.WriteString("id", "Microsoft.Azure.Functions.ExtensionBundle");
        w.WriteString("version", BundleRange);
        w.WriteEndObject();
        w.WriteStartObject("extensions");
        w.WriteStartObject("kafka");
        w.WriteNumber("maxBatchSize", MaxBatchSize);
        w.WriteNumber("subscriberIntervalInSeconds", 1);
        // A failed invocation must not commit (the default commits anyway: at-most-once), and must never be force-committed
        // after a number of failures either: a batch that cannot be written waits, as a failed Connect task does.
        w.WriteBoolean("commitOnFailure", false);
        w.WriteNumber("maxRetries", -1);
        w.WriteString("autoOffsetReset", "Earliest");
        w.WriteEndObject();
        w.WriteEndObject();
        w.WriteStartObject("logging");
        w.WriteStartObject("logLevel");
        w.WriteString("default", "Information");
        w.WriteEndObject();
        w.WriteEndObject();
    });

    /// <summary>Renders one function's function.json.</summary>
    /// <param name="function">The function.</param>
    /// <param name="security">The worker's client security.</param>
    /// <returns>The text, ending with a newline.</returns>
    public static string FunctionJson(SinkFunction function, TriggerSecurity security)
    {
        ArgumentNullException.ThrowIfNull(function);
        ArgumentNullException.ThrowIfNull(security);
        return Write(w =>
        {
            w.WriteStartArray("bindings");
            w.WriteStartObject();
            w.WriteString("type", "kafkaTrigger");
            w.WriteString("direction", "in");
            w.WriteString("name", FunctionNames.TriggerBindingName);
            w.WriteString("brokerList", $"%{FunctionNames.BootstrapServersSetting}%");
            w.WriteString("topic", $"%{function.TopicSetting}%");
            w.WriteString("consumerGroup", $"%{function.ConsumerGroupSetting}%");
            w.WriteString("cardinality", "many");
            w.WriteString("dataType", "string");
            if (security.Protocol is { } protocol)
            {
                w.WriteString("protocol", protocol);
            }

            if (security.AuthenticationMode is { } mode)
            {
                w.WriteString("authenticationMode", mode);
            }

            if (security.UsesSasl)
            {
                w.WriteString("username", $"%{FunctionNames.UsernameSetting}%");
                w.WriteString("password", $"%{FunctionNames.PasswordSetting}%");
            }

            w.WriteEndObject();
            w.WriteEndArray();
            // Retries run inside the invocation the trigger awaits, so the batch's offsets stay uncommitted meanwhile.
            w.WriteStartObject("retry");
            w.WriteString("strategy", "exponentialBackoff");
            w.WriteNumber("maxRetryCount", -1);
            w.WriteString("minimumInterval", "00:00:01");
            w.WriteString("maximumInterval", "00:05:00");
            w.WriteEndObject();
        });
    }

    private static string Write(Action<Utf8JsonWriter> body)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, _options))
        {
            writer.WriteStartObject();
            body(writer);
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }
}
