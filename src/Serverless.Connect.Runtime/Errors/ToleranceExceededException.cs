using Serverless.Connect.Errors;

namespace Serverless.Connect.Runtime.Errors;

/// <summary>
/// The error handler gave up: the error was not tolerable at its stage (<c>Unhandled exception in error handler</c>) or
/// <c>errors.tolerance=none</c> (<c>Tolerance exceeded in error handler</c>). The task must fail; Connect does not restart it.
/// </summary>
public sealed class ToleranceExceededException : ConnectException
{
    /// <summary>Connect's message when the error is not tolerable at its stage.</summary>
    public const string UnhandledMessage = "Unhandled exception in error handler";

    /// <summary>Connect's message when the tolerance is exceeded.</summary>
    public const string ExceededMessage = "Tolerance exceeded in error handler";

    /// <summary>Initializes a new instance with a generic message.</summary>
    public ToleranceExceededException()
        : base(ExceededMessage)
    {
    }

    /// <summary>Initializes a new instance.</summary>
    /// <param name="message">The error description.</param>
    public ToleranceExceededException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance.</summary>
    /// <param name="message">The error description.</param>
    /// <param name="innerException">The cause.</param>
    public ToleranceExceededException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Initializes a new instance for a failed operation.</summary>
    /// <param name="message">Connect's message (<see cref="UnhandledMessage"/> or <see cref="ExceededMessage"/>).</param>
    /// <param name="report">The failure.</param>
    public ToleranceExceededException(string message, ErrorReport report)
        : base(message, Context(report), report?.Error)
    {
        Report = report;
    }

    /// <summary>Gets the failure that stopped the task, when known.</summary>
    public ErrorReport? Report { get; }

    private static ErrorRecordContext? Context(ErrorReport? report) =>
        report?.ConsumedRecord is { } consumed ? ErrorRecordContext.ForRecord(consumed.Topic, consumed.Partition, consumed.Offset) : null;
}
