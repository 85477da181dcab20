using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Serverless.Connect.Configuration.Internal;

/// <summary>Reads every document of a YAML stream into <see cref="DocNode"/> trees.</summary>
/// <remarks>
/// Built on YamlDotNet's event parser (not its object model) so that duplicate keys resolve like kubectl/Jackson
/// (last wins, with a warning) instead of failing, and so merge keys (<c>&lt;&lt;</c>) and anchors work.
/// </remarks>
internal sealed class YamlDocumentReader
{
    private readonly string _source;
    private List<ConfigProblem> _warnings;
    private readonly Dictionary<string, DocNode> _anchors = new(StringComparer.Ordinal);

    private YamlDocumentReader(string source, List<ConfigProblem> warnings)
    {
        _source = source;
        _warnings = warnings;
    }

    /// <summary>Reads all documents; empty documents are returned as null scalars.</summary>
    public static IReadOnlyList<DocNode> Read(string text, string source, List<ConfigProblem> warnings)
    {
        var documents = ReadWithWarnings(text, source);
        warnings.AddRange(documents.SelectMany(d => d.Warnings));
        return documents.Select(d => d.Root).ToList();
    }

    /// <summary>Reads all documents, each with the warnings found in it (duplicate keys).</summary>
    public static IReadOnlyList<(DocNode Root, IReadOnlyList<ConfigProblem> Warnings)> ReadWithWarnings(string text, string source)
    {
        var reader = new YamlDocumentReader(source, []);
        try
        {
            return reader.ReadStream(new Parser(new StringReader(text)));
        }
        catch (YamlException e)
        {
            var where = $"{source}:{e.Start.Line.ToString(CultureInfo.InvariantCulture)}:{e.Start.Column.ToString(CultureInfo.InvariantCulture)}";
            throw new ConfigException($"{where}: invalid YAML: {e.Message}", e);
        }
    }

    private List<(DocNode Root, IReadOnlyList<ConfigProblem> Warnings)> ReadStream(Parser parser)
    {
        var documents = new List<(DocNode Root, IReadOnlyList<ConfigProblem> Warnings)>();
        parser.Consume<StreamStart>();
        while (parser.TryConsume<DocumentStart>(out _))
        {
            _anchors.Clear();
            _warnings = [];
            documents.Add((ReadNode(parser), _warnings.AsReadOnly()));
            parser.Consume<DocumentEnd>();
        }

        parser.Consume<StreamEnd>();
        return documents;
    }

    private DocNode ReadNode(Parser parser)
    {
        if (parser.TryConsume<AnchorAlias>(out var alias))
        {
            return _anchors.TryGetValue(alias.Value.Value, out var target)
                ? target
                : throw Error(alias, $"unknown alias *{alias.Value.Value}");
        }

        if (parser.TryConsume<Scalar>(out var scalar))
        {
            return Remember(scalar.Anchor, YamlScalarResolver.Resolve(scalar));
        }

        if (parser.TryConsume<SequenceStart>(out var sequenceStart))
        {
            var items = new List<DocNode>();
            while (!parser.TryConsume<SequenceEnd>(out _))
            {
                items.Add(ReadNode(parser));
            }

            return Remember(sequenceStart.Anchor, new DocSequence(items, Line(sequenceStart), Column(sequenceStart)));
        }

        var mappingStart = parser.Consume<MappingStart>();
        return Remember(mappingStart.Anchor, ReadMapping(parser, mappingStart));
    }

    private DocMapping ReadMapping(Parser parser, MappingStart start)
    {
        var entries = new List<KeyValuePair<string, DocNode>>();
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var merged = new List<DocMapping>();
        while (!parser.TryConsume<MappingEnd>(out _))
        {
            var keyEvent = parser.Current;
            if (parser.Current is not Scalar keyScalar)
            {
                throw Error(keyEvent!, "mapping keys must be plain strings");
            }

            parser.MoveNext();
            var value = ReadNode(parser);
            if (keyScalar.Value == "<<" && keyScalar.Style == ScalarStyle.Plain)
            {
                merged.AddRange(MergeSources(value, keyScalar));
                continue;
            }

            var key = keyScalar.Value;
            if (index.TryGetValue(key, out var existing))
            {
                _warnings.Add(new ConfigProblem(
                    key,
                    $"duplicate key (also on line {entries[existing].Value.Line.ToString(CultureInfo.InvariantCulture)}); the last value is used",
                    $"{_source}:{Line(keyScalar).ToString(CultureInfo.InvariantCulture)}"));
                entries[existing] = new KeyValuePair<string, DocNode>(key, value);
            }
            else
            {
                index[key] = entries.Count;
                entries.Add(new KeyValuePair<string, DocNode>(key, value));
            }
        }

        // Merge keys never override explicit keys; earlier merge sources win over later ones.
        foreach (var source in merged)
        {
            foreach (var entry in source.Entries)
            {
                if (index.TryAdd(entry.Key, entries.Count))
                {
                    entries.Add(entry);
                }
            }
        }

        return new DocMapping(entries, Line(start), Column(start));
    }

    private IEnumerable<DocMapping> MergeSources(DocNode value, Scalar key) => value switch
    {
        DocMapping mapping => [mapping],
        DocSequence sequence when sequence.Items.All(i => i is DocMapping) => sequence.Items.Cast<DocMapping>(),
        _ => throw Error(key, "the merge key << needs a mapping or a sequence of mappings"),
    };

    private DocNode Remember(AnchorName anchor, DocNode node)
    {
        if (!anchor.IsEmpty)
        {
            _anchors[anchor.Value] = node;
        }

        return node;
    }

    private ConfigException Error(ParsingEvent at, string message) =>
        new($"{_source}:{Line(at).ToString(CultureInfo.InvariantCulture)}:{Column(at).ToString(CultureInfo.InvariantCulture)}: invalid YAML: {message}");

    private static int Line(ParsingEvent e) => (int)e.Start.Line;

    private static int Column(ParsingEvent e) => (int)e.Start.Column;
}
