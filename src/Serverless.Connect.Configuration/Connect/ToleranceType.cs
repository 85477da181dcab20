namespace Serverless.Connect.Configuration.Connect;

/// <summary>The <c>errors.tolerance</c> setting.</summary>
public enum ToleranceType
{
    /// <summary>Fail the task on the first error.</summary>
    None,

    /// <summary>Skip records that fail in converters or transformations.</summary>
    All,
}
