namespace Serverless.Connect.Converters.Avro.Internal;

/// <summary>The registered id to put in the header and the schema the body is written with (ours, or the subject's latest).</summary>
internal sealed record WriteTarget(int SchemaId, CompiledSchema Writer);
