namespace Serverless.Connect.Runtime.Records;

/// <summary>A Kafka record header as it is on the wire: a key and raw bytes (null for a null header value).</summary>
/// <param name="Key">The header key.</param>
/// <param name="Value">The raw value, or <see langword="null"/>.</param>
public sealed record RawHeader(string Key, byte[]? Value);
