namespace Serverless.Connect.Functions;

/// <summary>The invocation body is not a Kafka trigger batch this handler understands.</summary>
internal sealed class InvalidInvocationException : Exception
{
    public InvalidInvocationException(string message)
        : base(message)
    {
    }

    public InvalidInvocationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public InvalidInvocationException()
    {
    }
}
