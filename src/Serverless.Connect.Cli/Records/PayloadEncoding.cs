namespace Serverless.Connect.Cli.Records;

/// <summary>How a key or value is embedded in a record line, decided by the converter that reads or writes it.</summary>
internal enum PayloadEncoding
{
    /// <summary>The message bytes are JSON text embedded as is (JsonConverter).</summary>
    Json,

    /// <summary>The message bytes are the UTF-8 content of a JSON string (StringConverter, ByteArrayConverter, others).</summary>
    Text,
}
