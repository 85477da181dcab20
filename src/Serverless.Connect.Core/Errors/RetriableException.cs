namespace Serverless.Connect.Errors;

/// <summary>
/// A transient failure: the operation may succeed if retried. Mirrors <c>org.apache.kafka.connect.errors.RetriableException</c>,
/// which the error handler retries until <c>errors.retry.timeout</c>.
/// </summary>
public class RetriableException : ConnectException
{
    /// <summary>Initializes a new instance with a generic message.</summary>
    public RetriableException()
        : this("A retriable Connect error occurred.")
    {
    }

    /// <summary>Initializes a new instance.</summary>
    /// <param name="message">The error description.</param>
    public RetriableException(string message)
        : this(message, null, null)
    {
    }

    /// <summary>Initializes a new instance.</summary>
    /// <param name="message">The error description.</param>
    /// <param name="innerException">The cause.</param>
    public RetriableException(string message, Exception? innerException)
        : this(message, null, innerException)
    {
    }

    /// <summary>Initializes a new instance carrying the record the error belongs to.</summary>
    /// <param name="message">The error description.</param>
    /// <param name="context">The record context, or <see langword="null"/>.</param>
    /// <param name="innerException">The cause, or <see langword="null"/>.</param>
    public RetriableException(string message, ErrorRecordContext? context, Exception? innerException = null)
        : base(message, context, innerException)
    {
    }

    /// <inheritdoc/>
    public override bool IsTransient => true;
}
