namespace Serverless.Connect.TestUtilities.FaultProxy;

/// <summary>What <see cref="HttpFaultProxy"/> does to a request it picks instead of forwarding it unchanged.</summary>
public abstract record ProxyFault
{
    private ProxyFault()
    {
    }

    /// <summary>503 SlowDown, as S3 throttles.</summary>
    public static ProxyFault SlowDown { get; } = new S3Error(503, "SlowDown", "Please reduce your request rate.");

    /// <summary>500 InternalError.</summary>
    public static ProxyFault InternalError { get; } = new S3Error(500, "InternalError", "We encountered an internal error. Please try again.");

    /// <summary>403 SignatureDoesNotMatch, what S3 answers to a wrong secret key.</summary>
    public static ProxyFault SignatureDoesNotMatch { get; } = new S3Error(403, "SignatureDoesNotMatch",
        "The request signature we calculated does not match the signature you provided. Check your key and signing method.");

    /// <summary>The request is read, then the connection is reset (RST) before anything is forwarded.</summary>
    public static ProxyFault Reset { get; } = new ResetConnection();

    /// <summary>The request is forwarded and acted on, then the connection is reset instead of relaying the answer.</summary>
    public static ProxyFault DropResponse { get; } = new LoseResponse();

    /// <summary>Answers with an S3 XML error body; the request is not forwarded.</summary>
    public sealed record S3Error(int Status, string Code, string Message) : ProxyFault;

    /// <summary>Resets the connection without an answer; the request is not forwarded.</summary>
    public sealed record ResetConnection : ProxyFault;

    /// <summary>Forwards the request, reads the server's answer, then resets the client connection.</summary>
    public sealed record LoseResponse : ProxyFault;

    /// <summary>Holds the request for <paramref name="Delay"/>, then forwards it.</summary>
    public sealed record Stall(TimeSpan Delay) : ProxyFault;
}
