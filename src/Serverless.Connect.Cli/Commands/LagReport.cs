using System.Globalization;
using System.Text;
using System.Text.Json;
using Serverless.Connect.Kafka.Lag;

namespace Serverless.Connect.Cli.Commands;

/// <summary>Formats one poll of <c>./connect lag</c>: a table for people, or one JSON object per line for scripts.</summary>
internal sealed class LagReport(string group, KafkaScalerOptions options, bool json)
{
    public string Format(ScalingDecision decision) => json ? Json(decision) + "\n" : Table(decision);

    private string Json(ScalingDecision decision)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("group", group);
            writer.WriteNumber("totalLag", decision.TotalLag);
            writer.WriteStartArray("partitions");
            foreach (var p in decision.Partitions)
            {
                writer.WriteStartObject();
                writer.WriteString("topic", p.Topic);
                writer.WriteNumber("partition", p.Partition);
                if (p.Committed is { } committed)
                {
                    writer.WriteNumber("committed", committed);
                }
                else
                {
                    writer.WriteNull("committed");
                }

                writer.WriteNumber("end", p.End);
                writer.WriteNumber("lag", p.Lag);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteNumber("desiredReplicas", decision.DesiredReplicas);
            writer.WriteBoolean("active", decision.Active);
            writer.WriteNumber("metricValue", decision.MetricValue);
            writer.WriteNumber("lagThreshold", options.LagThreshold);
            writer.WriteNumber("activationLagThreshold", options.ActivationLagThreshold);
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private string Table(ScalingDecision decision)
    {
        var rows = decision.Partitions
            .Select(p => new[]
            {
                p.Topic,
                p.Partition.ToString(CultureInfo.InvariantCulture),
                p.Committed?.ToString(CultureInfo.InvariantCulture) ?? "-",
                p.End.ToString(CultureInfo.InvariantCulture),
                p.Lag.ToString(CultureInfo.InvariantCulture),
            })
            .Prepend(["TOPIC", "PARTITION", "COMMITTED", "END", "LAG"])
            .ToList();
        var widths = Enumerable.Range(0, 5).Select(c => rows.Max(r => r[c].Length)).ToArray();
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"group {group}\n");
        if (decision.Partitions.Count == 0)
        {
            text.Append("no partitions: the group has no committed offsets and no --topic was given\n");
        }
        else
        {
            foreach (var row in rows)
            {
                text.Append(string.Join("  ", row.Select((cell, c) => c is 0 ? cell.PadRight(widths[c]) : cell.PadLeft(widths[c]))).TrimEnd()).Append('\n');
            }
        }

        text.Append(CultureInfo.InvariantCulture, $"total lag {decision.TotalLag} over {decision.Partitions.Count} partitions ({decision.PartitionsWithLag} with lag)\n");
        text.Append(CultureInfo.InvariantCulture, $"desiredReplicas {decision.DesiredReplicas} ({(decision.Active ? "active" : "inactive")}: lagThreshold {options.LagThreshold}, activationLagThreshold {options.ActivationLagThreshold}, metric {decision.MetricValue})\n");
        return text.ToString();
    }
}
