namespace Serverless.Connect.Demo.Internal;

/// <summary>A failure of the demo's own set-up or of a stage, with a message meant for the user.</summary>
internal sealed class DemoException : Exception
{
    public DemoException(string message)
        : base(message)
    {
    }

    public DemoException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
