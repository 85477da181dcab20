namespace Serverless.Connect.Errors;

/// <summary>An invalid <c>SchemaBuilder</c> call; mirrors <c>org.apache.kafka.connect.errors.SchemaBuilderException</c>.</summary>
public sealed class SchemaBuilderException : DataException
{
    /// <summary>Initializes a new instance with a generic message.</summary>
    public SchemaBuilderException()
        : this("Invalid SchemaBuilder call.")
    {
    }

    /// <summary>Initializes a new instance.</summary>
    /// <param name="message">The error description.</param>
    public SchemaBuilderException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance.</summary>
    /// <param name="message">The error description.</param>
    /// <param name="innerException">The cause.</param>
    public SchemaBuilderException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
