namespace Serverless.Connect.Errors;

/// <summary>Base class of all Connect errors, mirroring <c>org.apache.kafka.connect.errors.ConnectException</c>.</summary>
/// <remarks>
/// When a <see cref="ErrorRecordContext"/> is supplied it is appended to <see cref="Exception.Message"/> as
/// <c>"reason [topic=…, partition=…, offset=…]"</c>; <see cref="Reason"/> keeps the bare text.
/// </remarks>
public class ConnectException : Exception
{
    /// <summary>Initializes a new instance with a generic message.</summary>
    public ConnectException()
        : this("A Connect error occurred.")
    {
    }

    /// <summary>Initializes a new instance.</summary>
    /// <param name="message">The error description.</param>
    public ConnectException(string message)
        : this(message, null, null)
    {
    }

    /// <summary>Initializes a new instance.</summary>
    /// <param name="message">The error description.</param>
    /// <param name="innerException">The cause.</param>
    public ConnectException(string message, Exception? innerException)
        : this(message, null, innerException)
    {
    }

    /// <summary>Initializes a new instance carrying the record the error belongs to.</summary>
    /// <param name="message">The error description.</param>
    /// <param name="context">The record context, or <see langword="null"/>.</param>
    /// <param name="innerException">The cause, or <see langword="null"/>.</param>
    public ConnectException(string message, ErrorRecordContext? context, Exception? innerException = null)
        : base(Compose(message, context), innerException)
    {
        Reason = message;
        RecordContext = context;
    }

    /// <summary>Gets the error description without the record context.</summary>
    public string Reason { get; }

    /// <summary>Gets the record the error belongs to, if known.</summary>
    public ErrorRecordContext? RecordContext { get; }

    /// <summary>Gets a value indicating whether retrying the same operation may succeed.</summary>
    public virtual bool IsTransient => false;

    private static string Compose(string message, ErrorRecordContext? context)
    {
        if (context is null)
        {
            return message;
        }

        var text = context.ToString();
        return text.Length == 0 ? message : $"{message} [{text}]";
    }
}
