using System.Globalization;
using System.Text.RegularExpressions;

namespace Serverless.Connect.Hosting.Kafka.Tests;

/// <summary>A parsed Prometheus text scrape: samples by name and labels, with the families' declared types.</summary>
internal sealed partial class PrometheusScrape
{
    private readonly List<(string Name, Dictionary<string, string> Labels, double Value)> _samples = [];

    private PrometheusScrape()
    {
    }

    public Dictionary<string, string> Types { get; } = new(StringComparer.Ordinal);

    public static PrometheusScrape Parse(string text)
    {
        var scrape = new PrometheusScrape();
        foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            if (line.StartsWith("# TYPE ", StringComparison.Ordinal))
            {
                var parts = line.Split(' ');
                scrape.Types[parts[2]] = parts[3];
                continue;
            }

            if (line.StartsWith('#'))
            {
                continue;
            }

            var match = SampleLine().Match(line);
            Assert.True(match.Success, $"not a sample line: {line}");
            var labels = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (Match label in LabelPair().Matches(match.Groups["labels"].Value))
            {
                labels[label.Groups[1].Value] = label.Groups[2].Value.Replace("\\\"", "\"", StringComparison.Ordinal).Replace("\\\\", "\\", StringComparison.Ordinal);
            }

            var name = match.Groups["name"].Value;
            Assert.True(scrape.Types.ContainsKey(name), $"{name} has no # TYPE line before its sample");
            scrape._samples.Add((name, labels, double.Parse(match.Groups["value"].Value, CultureInfo.InvariantCulture)));
        }

        return scrape;
    }

    /// <summary>The value of the one sample of <paramref name="name"/> whose labels include <paramref name="labels"/>.</summary>
    public double Value(string name, params (string Name, string Value)[] labels) =>
        All(name, labels).Single().Value;

    public List<(Dictionary<string, string> Labels, double Value)> All(string name, params (string Name, string Value)[] labels) =>
        [.. _samples.Where(s => s.Name == name && labels.All(l => s.Labels.GetValueOrDefault(l.Name) == l.Value)).Select(s => (s.Labels, s.Value))];

    [GeneratedRegex("""^(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)(\{(?<labels>.*)\})? (?<value>\S+)$""")]
    private static partial Regex SampleLine();

    [GeneratedRegex("""([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"(,|$)""")]
    private static partial Regex LabelPair();
}
