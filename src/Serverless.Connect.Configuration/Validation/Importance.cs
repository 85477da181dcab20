namespace Serverless.Connect.Configuration.Validation;

/// <summary>How likely a user is to need to change a setting (Kafka's <c>ConfigDef.Importance</c>).</summary>
public enum Importance
{
    /// <summary>Usually needs setting.</summary>
    High,

    /// <summary>Sometimes needs setting.</summary>
    Medium,

    /// <summary>Rarely needs setting.</summary>
    Low,
}
