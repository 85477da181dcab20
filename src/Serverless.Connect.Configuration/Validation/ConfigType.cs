namespace Serverless.Connect.Configuration.Validation;

/// <summary>The value types of Kafka's <c>ConfigDef.Type</c>; each parses strings exactly as Kafka does.</summary>
public enum ConfigType
{
    /// <summary><c>true</c> or <c>false</c>, case-insensitive, nothing else.</summary>
    Boolean,

    /// <summary>A string, trimmed of leading and trailing whitespace.</summary>
    String,

    /// <summary>A 32-bit signed integer (Java <c>Integer.parseInt</c>).</summary>
    Int,

    /// <summary>A 16-bit signed integer (Java <c>Short.parseShort</c>).</summary>
    Short,

    /// <summary>A 64-bit signed integer (Java <c>Long.parseLong</c>).</summary>
    Long,

    /// <summary>A double-precision number (Java <c>Double.parseDouble</c>).</summary>
    Double,

    /// <summary>A comma-separated list; whitespace around commas is removed; empty text is an empty list.</summary>
    List,

    /// <summary>A Java class name (or plugin alias); existence is checked against the plugin registry.</summary>
    Class,

    /// <summary>A secret string that is never printed (renders as <c>[hidden]</c>).</summary>
    Password,
}
