using Serverless.Connect.Data;

namespace Serverless.Connect.Transforms;

/// <summary>
/// A single message transform, with Kafka Connect's <c>Transformation</c> contract: <see cref="Apply"/> returns a new
/// record, the same record, or <see langword="null"/> to drop it, and never mutates anything reachable from its input.
/// Implementations are thread-safe once configured.
/// </summary>
public interface ITransformation : IDisposable
{
    /// <summary>Configures the transform with its own settings (<c>transforms.&lt;alias&gt;.*</c> with the prefix stripped).</summary>
    /// <param name="config">The settings.</param>
    /// <exception cref="Configuration.ConfigException">A setting is missing or invalid; the exception names the key.</exception>
    void Configure(IReadOnlyDictionary<string, string> config);

    /// <summary>Transforms one record.</summary>
    /// <param name="record">The input record; not modified.</param>
    /// <returns>The transformed record, or <see langword="null"/> to drop it.</returns>
    /// <exception cref="Errors.DataException">The record cannot be transformed (for example, a required field is missing).</exception>
    ConnectRecord? Apply(ConnectRecord record);
}
