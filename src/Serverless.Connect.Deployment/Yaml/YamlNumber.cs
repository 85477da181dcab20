namespace Serverless.Connect.Deployment.Yaml;

/// <summary>An integer scalar.</summary>
/// <param name="Value">The number.</param>
public sealed record YamlNumber(long Value) : YamlValue;
