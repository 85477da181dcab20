using System.Text.RegularExpressions;
using Serverless.Connect.Configuration.Connect;
using Serverless.Connect.Configuration.Internal;

namespace Serverless.Connect.Configuration.Plugins;

/// <summary>Connect's sink checks: exactly one of <c>topics</c> and <c>topics.regex</c>, and a DLQ topic that is not consumed.</summary>
internal static class SinkTopicRules
{
    public static IEnumerable<ConfigProblem> Check(IReadOnlyDictionary<string, string> config)
    {
        var topics = config.GetValueOrDefault(ConnectConfigDefs.Topics);
        var regex = config.GetValueOrDefault(ConnectConfigDefs.TopicsRegex);
        var dlq = config.GetValueOrDefault(ConnectConfigDefs.DlqTopicName, string.Empty).Trim();
        var hasTopics = !string.IsNullOrWhiteSpace(topics);
        var hasRegex = !string.IsNullOrWhiteSpace(regex);
        var problems = new List<ConfigProblem>();
        if (hasTopics && hasRegex)
        {
            const string Both = "topics and topics.regex are mutually exclusive options, but both are set.";
            problems.Add(new ConfigProblem(ConnectConfigDefs.Topics, Both));
            problems.Add(new ConfigProblem(ConnectConfigDefs.TopicsRegex, Both));
        }

        if (!hasTopics && !hasRegex)
        {
            const string Neither = "Must configure one of topics or topics.regex";
            problems.Add(new ConfigProblem(ConnectConfigDefs.Topics, Neither));
            problems.Add(new ConfigProblem(ConnectConfigDefs.TopicsRegex, Neither));
        }

        if (dlq.Length > 0 && hasTopics)
        {
            var list = ConfigValueParser.SplitList(JavaText.Trim(topics!)).Where(t => t.Length > 0).Distinct(StringComparer.Ordinal).ToList();
            if (list.Contains(dlq, StringComparer.Ordinal))
            {
                problems.Add(new ConfigProblem(
                    ConnectConfigDefs.Topics,
                    $"The DLQ topic '{dlq}' may not be included in the list of topics ('topics={JavaValueFormatter.Format(list)}') consumed by the connector"));
            }
        }

        if (dlq.Length > 0 && hasRegex && Matches(regex!, dlq))
        {
            problems.Add(new ConfigProblem(
                ConnectConfigDefs.TopicsRegex,
                $"The DLQ topic '{dlq}' may not be matched by the regex for the topics ('topics.regex={regex}') consumed by the connector"));
        }

        return problems;
    }

    private static bool Matches(string pattern, string topic)
    {
        try
        {
            return Regex.IsMatch(topic, $"^(?:{pattern})$", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
