namespace Serverless.Connect.Deployment.Yaml;

/// <summary>A string scalar; quoted on output whenever a YAML 1.1 reader could take it for something else.</summary>
/// <param name="Value">The text.</param>
public sealed record YamlText(string Value) : YamlValue;
