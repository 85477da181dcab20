using Serverless.Connect.Errors;

namespace Serverless.Connect.Sources.Postgres;

/// <summary>
/// The replication slot is streaming to another client (or was created by one at the same moment). Retriable: a hot
/// standby waits for the slot to become free and then takes over.
/// </summary>
public sealed class SlotInUseException : RetriableException
{
    /// <summary>Initializes a new instance of the <see cref="SlotInUseException"/> class.</summary>
    /// <param name="slotName">The slot.</param>
    /// <param name="message">The error description.</param>
    /// <param name="innerException">The cause, or <see langword="null"/>.</param>
    public SlotInUseException(string slotName, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        SlotName = slotName;
    }

    /// <summary>Gets the slot's name.</summary>
    public string SlotName { get; }
}
