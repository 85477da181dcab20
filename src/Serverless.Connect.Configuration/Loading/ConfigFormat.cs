namespace Serverless.Connect.Configuration.Loading;

/// <summary>The text format of a configuration source.</summary>
public enum ConfigFormat
{
    /// <summary>JSON when the text starts with <c>{</c> or <c>[</c>, otherwise YAML.</summary>
    Auto,

    /// <summary>YAML, possibly with several <c>---</c>-separated documents.</summary>
    Yaml,

    /// <summary>JSON: one object or an array of objects.</summary>
    Json,

    /// <summary>Java properties.</summary>
    Properties,
}
