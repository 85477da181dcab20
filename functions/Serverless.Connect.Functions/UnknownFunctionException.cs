namespace Serverless.Connect.Functions;

/// <summary>The host posted to a function no connector file describes.</summary>
internal sealed class UnknownFunctionException : Exception
{
    public UnknownFunctionException(string message)
        : base(message)
    {
    }

    public UnknownFunctionException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public UnknownFunctionException()
    {
    }
}
