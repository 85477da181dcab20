using YamlDotNet.RepresentationModel;

namespace Serverless.Connect.Infra.Tests;

/// <summary>Reads YAML files with YamlDotNet and navigates them by path, failing with the path when a node is missing.</summary>
internal static class YamlDocuments
{
    public static List<YamlMappingNode> Load(string path)
    {
        var stream = new YamlStream();
        using (var reader = new StreamReader(path))
        {
            stream.Load(reader);
        }

        return [.. stream.Documents.Select(d => Assert.IsType<YamlMappingNode>(d.RootNode))];
    }

    public static YamlNode? Find(this YamlNode node, string path)
    {
        YamlNode? current = node;
        foreach (var part in path.Split('.'))
        {
            current = current switch
            {
                YamlMappingNode map => map.Children.TryGetValue(new YamlScalarNode(part), out var child) ? child : null,
                YamlSequenceNode list when int.TryParse(part, out var index) && index < list.Children.Count => list.Children[index],
                _ => null,
            };
            if (current is null)
            {
                return null;
            }
        }

        return current;
    }

    public static string Text(this YamlNode node, string path) =>
        Assert.IsType<YamlScalarNode>(node.Find(path) ?? throw new Xunit.Sdk.XunitException($"missing {path}")).Value ?? string.Empty;

    public static YamlMappingNode Map(this YamlNode node, string path) =>
        Assert.IsType<YamlMappingNode>(node.Find(path) ?? throw new Xunit.Sdk.XunitException($"missing {path}"));

    public static YamlSequenceNode List(this YamlNode node, string path) =>
        Assert.IsType<YamlSequenceNode>(node.Find(path) ?? throw new Xunit.Sdk.XunitException($"missing {path}"));

    /// <summary>A scalar under a key that may contain dots (ConfigMap data keys such as <c>es-sink.yaml</c>).</summary>
    public static string Entry(this YamlNode node, string mapPath, string key) =>
        node.Map(mapPath).Children.TryGetValue(new YamlScalarNode(key), out var value)
            ? Assert.IsType<YamlScalarNode>(value).Value ?? string.Empty
            : throw new Xunit.Sdk.XunitException($"missing {mapPath}[{key}]");

    public static string Kind(this YamlNode node) => node.Text("kind");

    public static string Name(this YamlNode node) => node.Text("metadata.name");
}
