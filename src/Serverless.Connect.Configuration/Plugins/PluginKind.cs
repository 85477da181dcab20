namespace Serverless.Connect.Configuration.Plugins;

/// <summary>The kinds of Kafka Connect plugin a configuration can name.</summary>
public enum PluginKind
{
    /// <summary>A source connector (<c>connector.class</c>).</summary>
    Source,

    /// <summary>A sink connector (<c>connector.class</c>).</summary>
    Sink,

    /// <summary>A single message transformation (<c>transforms.&lt;alias&gt;.type</c>).</summary>
    Transformation,

    /// <summary>A transformation predicate (<c>predicates.&lt;alias&gt;.type</c>).</summary>
    Predicate,

    /// <summary>A key or value converter (<c>key.converter</c>, <c>value.converter</c>).</summary>
    Converter,

    /// <summary>A header converter (<c>header.converter</c>).</summary>
    HeaderConverter,
}
