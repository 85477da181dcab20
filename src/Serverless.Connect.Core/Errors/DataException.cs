namespace Serverless.Connect.Errors;

/// <summary>
/// A record's data is invalid for its schema or cannot be converted. Mirrors <c>org.apache.kafka.connect.errors.DataException</c>;
/// such records are candidates for the dead-letter queue rather than for retries.
/// </summary>
public class DataException : ConnectException
{
    /// <summary>Initializes a new instance with a generic message.</summary>
    public DataException()
        : this("Invalid Connect data.")
    {
    }

    /// <summary>Initializes a new instance.</summary>
    /// <param name="message">The error description.</param>
    public DataException(string message)
        : this(message, null, null)
    {
    }

    /// <summary>Initializes a new instance.</summary>
    /// <param name="message">The error description.</param>
    /// <param name="innerException">The cause.</param>
    public DataException(string message, Exception? innerException)
        : this(message, null, innerException)
    {
    }

    /// <summary>Initializes a new instance carrying the record the error belongs to.</summary>
    /// <param name="message">The error description.</param>
    /// <param name="context">The record context, or <see langword="null"/>.</param>
    /// <param name="innerException">The cause, or <see langword="null"/>.</param>
    public DataException(string message, ErrorRecordContext? context, Exception? innerException = null)
        : base(message, context, innerException)
    {
    }
}
