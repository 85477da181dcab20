using Serverless.Connect.Data;

namespace Serverless.Connect.Transforms;

/// <summary>A Kafka Connect predicate: decides whether a transformation applies to a record. Thread-safe once configured.</summary>
public interface IPredicate : IDisposable
{
    /// <summary>Configures the predicate with its own settings (<c>predicates.&lt;alias&gt;.*</c> with the prefix stripped).</summary>
    /// <param name="config">The settings.</param>
    void Configure(IReadOnlyDictionary<string, string> config);

    /// <summary>Tests a record.</summary>
    /// <param name="record">The record; not modified.</param>
    /// <returns>Whether the predicate holds.</returns>
    bool Test(ConnectRecord record);
}
