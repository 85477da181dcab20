namespace Serverless.Connect.Configuration.Connect;

/// <summary>Where an effective setting came from.</summary>
public enum ConfigOrigin
{
    /// <summary>The connector configuration.</summary>
    Connector,

    /// <summary>The worker configuration.</summary>
    Worker,

    /// <summary>A built-in default.</summary>
    Default,
}
