using System.Text;

namespace Serverless.Connect.Functions.Generation;

/// <summary>
/// How a sink connector and topic map to a function folder and its app settings. The generator and the custom handler
/// both derive names from here, so the handler finds a connector by the function name the host posts to.
/// </summary>
public static class FunctionNames
{
    /// <summary>The app setting holding the brokers, shared by every function (<c>brokerList</c>).</summary>
    public const string BootstrapServersSetting = "KafkaBootstrapServers";

    /// <summary>The app setting holding the SASL username.</summary>
    public const string UsernameSetting = "KafkaUsername";

    /// <summary>The app setting holding the SASL password.</summary>
    public const string PasswordSetting = "KafkaPassword";

    /// <summary>The trigger binding's name, the key under <c>Data</c> in an invocation request.</summary>
    public const string TriggerBindingName = "events";

    // Azure Functions names: a letter first, then letters, digits, '-' or '_' (at most 128 characters).
    private const int MaxFunctionName = 128;

    /// <summary>The function (folder) name for one topic of a connector: <c>&lt;connector&gt;-&lt;topic&gt;</c>, other characters as <c>_</c>.</summary>
    /// <param name="connector">The connector name.</param>
    /// <param name="topic">The topic.</param>
    /// <returns>The name.</returns>
    public static string Function(string connector, string topic)
    {
        ArgumentNullException.ThrowIfNull(connector);
        ArgumentNullException.ThrowIfNull(topic);
        var name = Sanitize(connector + "-" + topic, '-');
        return char.IsAsciiLetter(name[0]) ? name : "f" + name;
    }

    /// <summary>Whether a name is a valid function name (the host rejects others).</summary>
    /// <param name="name">The name.</param>
    /// <returns>True when valid.</returns>
    public static bool IsValidFunction(string name) =>
        !string.IsNullOrEmpty(name) && name.Length <= MaxFunctionName && char.IsAsciiLetter(name[0])
        && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    /// <summary>The app-setting prefix of a connector or function name: letters, digits and <c>_</c> only.</summary>
    /// <param name="name">The connector or function name.</param>
    /// <returns>The prefix.</returns>
    public static string SettingPrefix(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return Sanitize(name, '_');
    }

    /// <summary>The app setting holding a function's topic.</summary>
    /// <param name="function">The function name.</param>
    /// <returns>The setting name.</returns>
    public static string TopicSetting(string function) => SettingPrefix(function) + "_Topic";

    /// <summary>The app setting holding a connector's consumer group.</summary>
    /// <param name="connector">The connector name.</param>
    /// <returns>The setting name.</returns>
    public static string ConsumerGroupSetting(string connector) => SettingPrefix(connector) + "_ConsumerGroup";

    /// <summary>The consumer group of a connector, as Kafka Connect names it.</summary>
    /// <param name="connector">The connector name.</param>
    /// <returns><c>connect-&lt;connector&gt;</c>.</returns>
    public static string ConsumerGroup(string connector) => "connect-" + connector;

    /// <summary>
    /// The prefix of app settings that override a connector's keys: <c>&lt;prefix&gt;__&lt;key&gt;</c>, for example
    /// <c>elasticsearch_sink__connection.url</c> (an environment variable's <c>__</c> is <c>:</c> in .NET configuration).
    /// </summary>
    /// <param name="connector">The connector name.</param>
    /// <returns>The prefix without the separator.</returns>
    public static string OverridePrefix(string connector) => SettingPrefix(connector);

    private static string Sanitize(string name, char replacement)
    {
        var text = new StringBuilder(name.Length);
        foreach (var c in name)
        {
            text.Append(char.IsAsciiLetterOrDigit(c) || c == '_' || (c == '-' && replacement == '-') ? c : '_');
        }

        return text.Length == 0 ? "_" : text.ToString();
    }
}
