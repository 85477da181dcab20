using Serverless.Connect.Errors;

namespace Serverless.Connect.Sinks.S3.Internal;

/// <summary>storage-common's <c>PartitionException</c>: a record cannot be placed in an encoded partition (bad data).</summary>
internal sealed class PartitionException : DataException
{
    public PartitionException(string message)
        : base(message)
    {
    }

    public PartitionException(string message, Exception? inner)
        : base(message, inner)
    {
    }
}
