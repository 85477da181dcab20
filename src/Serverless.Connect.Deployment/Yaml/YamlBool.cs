namespace Serverless.Connect.Deployment.Yaml;

/// <summary>A boolean scalar.</summary>
/// <param name="Value">The value.</param>
public sealed record YamlBool(bool Value) : YamlValue;
