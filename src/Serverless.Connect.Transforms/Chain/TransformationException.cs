using Serverless.Connect.Errors;

namespace Serverless.Connect.Transforms.Chain;

/// <summary>A transformation (or its predicate) failed; names the stage so the error handler can report it.</summary>
/// <remarks>
/// The original exception is <see cref="Exception.InnerException"/>: report its type and message as Connect's
/// <c>__connect.errors.exception.*</c> headers, and <see cref="ClassName"/> as <c>__connect.errors.class.name</c> with
/// stage <see cref="ErrorStage.Transformation"/>. Transient when the cause is.
/// </remarks>
public sealed class TransformationException : ConnectException
{
    /// <summary>Creates the exception for a failed stage.</summary>
    /// <param name="stage">The stage that failed.</param>
    /// <param name="innerException">What the transformation or predicate threw.</param>
    public TransformationException(TransformationStage stage, Exception innerException)
        : base(Describe(stage, innerException), innerException)
    {
        StageIndex = stage.Index;
        Alias = stage.Alias;
        ClassName = stage.ClassName;
    }

    /// <summary>Creates an exception without stage details (for serializers and analyzers).</summary>
    public TransformationException()
        : this("A transformation failed.")
    {
    }

    /// <summary>Creates an exception without stage details.</summary>
    /// <param name="message">The message.</param>
    public TransformationException(string message)
        : this(message, null)
    {
    }

    /// <summary>Creates an exception without stage details.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public TransformationException(string message, Exception? innerException)
        : base(message, innerException)
    {
        StageIndex = -1;
        Alias = string.Empty;
        ClassName = string.Empty;
    }

    /// <summary>The zero-based position of the failed stage in the chain, or -1 when unknown.</summary>
    public int StageIndex { get; }

    /// <summary>The alias of the failed transformation.</summary>
    public string Alias { get; }

    /// <summary>The Kafka class name of the failed transformation.</summary>
    public string ClassName { get; }

    /// <inheritdoc/>
    public override bool IsTransient => InnerException is ConnectException { IsTransient: true };

    private static string Describe(TransformationStage stage, Exception innerException)
    {
        ArgumentNullException.ThrowIfNull(stage);
        ArgumentNullException.ThrowIfNull(innerException);
        return $"Transformation '{stage.Alias}' ({stage.ClassName}) at position {stage.Index} failed: {innerException.Message}";
    }
}
