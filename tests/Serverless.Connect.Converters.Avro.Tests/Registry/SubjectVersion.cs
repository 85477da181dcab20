namespace Serverless.Connect.Converters.Avro.Tests.Registry;

/// <summary>One version of a subject.</summary>
internal sealed record SubjectVersion(string Subject, int Version, int Id, string Schema);
