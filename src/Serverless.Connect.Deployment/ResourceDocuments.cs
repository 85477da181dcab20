using System.Globalization;
using Serverless.Connect.Configuration;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Serverless.Connect.Deployment;

/// <summary>
/// What the Connect config loader does not keep: each YAML resource's own text, <c>metadata.annotations</c> of
/// KafkaConnectors, and Strimzi <c>KafkaTopic</c> partition counts.
/// </summary>
internal sealed class ResourceDocuments
{
    private readonly Dictionary<string, List<(string Kind, string Name, string Text)>> _byFile = new(StringComparer.Ordinal);
    private readonly Dictionary<string, IReadOnlyDictionary<string, string>> _annotations = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _fileText = new(StringComparer.Ordinal);

    public List<(string Name, int Partitions)> TopicPartitions { get; } = [];

    public static ResourceDocuments Read(string directory)
    {
        var result = new ResourceDocuments();
        foreach (var file in Directory.EnumerateFiles(directory).Where(f => !Path.GetFileName(f).StartsWith('.')).Order(StringComparer.Ordinal))
        {
            var extension = Path.GetExtension(file);
            if (extension is not (".yaml" or ".yml" or ".json" or ".properties"))
            {
                continue;
            }

            var text = File.ReadAllText(file).ReplaceLineEndings("\n");
            result._fileText[Path.GetFullPath(file)] = text;
            if (extension is ".yaml" or ".yml")
            {
                result.ReadYaml(Path.GetFullPath(file), text);
            }
        }

        return result;
    }

    public IReadOnlyDictionary<string, string> AnnotationsOf(string connectorName) =>
        _annotations.GetValueOrDefault(connectorName) ?? new Dictionary<string, string>();

    /// <summary>The text to mount for one resource: the whole file when it holds only that resource, else its document.</summary>
    public string TextOf(string file, string kind, string? name)
    {
        var full = Path.GetFullPath(file);
        var text = _fileText.GetValueOrDefault(full) ?? File.ReadAllText(full).ReplaceLineEndings("\n");
        var resources = _byFile.GetValueOrDefault(full);
        if (resources is null || resources.Count <= 1)
        {
            return text.EndsWith('\n') ? text : text + "\n";
        }

        var match = resources.Where(r => r.Kind == kind && r.Name == name).ToList();
        if (match.Count != 1)
        {
            throw new ConfigException($"{Path.GetFileName(file)}: cannot find the {kind} {name} document on its own; put each resource in its own document or file.");
        }

        return match[0].Text;
    }

    private void ReadYaml(string file, string text)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException)
        {
            // The Connect config loader has already reported malformed YAML with its location.
            return;
        }

        var resources = new List<(string Kind, string Name, string Text)>();
        foreach (var document in stream.Documents)
        {
            if (document.RootNode is not YamlMappingNode root)
            {
                continue;
            }

            var items = Scalar(root, "kind") == "List" && root.Children.TryGetValue(new YamlScalarNode("items"), out var list) && list is YamlSequenceNode sequence
                ? sequence.Children.OfType<YamlMappingNode>().ToList()
                : [root];
            foreach (var item in items)
            {
                var kind = Scalar(item, "kind");
                var metadata = Child(item, "metadata");
                var name = metadata is null ? null : Scalar(metadata, "name");
                switch (kind)
                {
                    case "KafkaTopic":
                        ReadTopic(item, name);
                        break;
                    case "KafkaConnector" or "KafkaConnect" when name is not null:
                        var slice = ReferenceEquals(item, root) ? text[(int)root.Start.Index..(int)Math.Min(root.End.Index, text.Length)] : string.Empty;
                        resources.Add((kind, name, slice.TrimEnd('\n', ' ') + "\n"));
                        if (kind == "KafkaConnector" && metadata is not null && Child(metadata, "annotations") is { } annotations)
                        {
                            _annotations[name] = annotations.Children
                                .Where(e => e.Key is YamlScalarNode && e.Value is YamlScalarNode)
                                .ToDictionary(e => ((YamlScalarNode)e.Key).Value ?? string.Empty, e => ((YamlScalarNode)e.Value).Value ?? string.Empty, StringComparer.Ordinal);
                        }

                        break;
                }
            }
        }

        _byFile[file] = resources;
    }

    private void ReadTopic(YamlMappingNode topic, string? metadataName)
    {
        var spec = Child(topic, "spec");
        var name = (spec is null ? null : Scalar(spec, "topicName")) ?? metadataName;
        var partitions = spec is null ? null : Scalar(spec, "partitions");
        if (name is not null && int.TryParse(partitions, NumberStyles.None, CultureInfo.InvariantCulture, out var count) && count > 0)
        {
            TopicPartitions.Add((name, count));
        }
    }

    private static YamlMappingNode? Child(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var child) ? child as YamlMappingNode : null;

    private static string? Scalar(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var child) && child is YamlScalarNode scalar ? scalar.Value : null;
}
