namespace Serverless.Connect.Runtime.DeadLetterQueue;

/// <summary>The context header names Connect adds to dead-letter records (<c>errors.deadletterqueue.context.headers.enable=true</c>).</summary>
public static class DeadLetterQueueHeaders
{
    /// <summary>The prefix of every context header.</summary>
    public const string Prefix = "__connect.errors.";

    /// <summary>Topic of the consumed record.</summary>
    public const string Topic = Prefix + "topic";

    /// <summary>Partition of the consumed record.</summary>
    public const string Partition = Prefix + "partition";

    /// <summary>Offset of the consumed record.</summary>
    public const string Offset = Prefix + "offset";

    /// <summary>Connector name.</summary>
    public const string ConnectorName = Prefix + "connector.name";

    /// <summary>Task id.</summary>
    public const string TaskId = Prefix + "task.id";

    /// <summary>Stage name (<c>VALUE_CONVERTER</c>, …).</summary>
    public const string Stage = Prefix + "stage";

    /// <summary>Java class name of the plugin executing the stage.</summary>
    public const string ExecutingClass = Prefix + "class.name";

    /// <summary>Java class name of the exception.</summary>
    public const string ExceptionClass = Prefix + "exception.class.name";

    /// <summary>Exception message.</summary>
    public const string ExceptionMessage = Prefix + "exception.message";

    /// <summary>Exception stack trace, as Java's <c>printStackTrace</c> prints it.</summary>
    public const string ExceptionStackTrace = Prefix + "exception.stacktrace";
}
