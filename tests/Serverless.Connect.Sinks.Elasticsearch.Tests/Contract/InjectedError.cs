namespace Serverless.Connect.Sinks.Elasticsearch.Tests.Contract;

/// <summary>An error the contract server returns for one bulk item instead of applying it.</summary>
public sealed record InjectedError(int Status, string Type, string Reason);
