using System.Globalization;
using System.Text;
using Serverless.Connect.Data;
using Serverless.Connect.Errors;
using Serverless.Connect.Runtime.Records;

namespace Serverless.Connect.Runtime.Errors;

/// <summary>The text Connect's log reporter writes about where an error happened.</summary>
public static class ErrorContextText
{
    /// <summary>Formats a stage, class and record like Connect's <c>ProcessingContext.toString</c>.</summary>
    /// <param name="stage">The stage, or null.</param>
    /// <param name="executingClass">The executing class, or null.</param>
    /// <param name="consumed">The consumed record to describe, or null to leave it out.</param>
    /// <param name="source">The source record to describe, or null to leave it out.</param>
    /// <returns>The text.</returns>
    public static string Format(ErrorStage? stage, string? executingClass, ConsumedRecord? consumed, ConnectRecord? source)
    {
        var builder = new StringBuilder("Executing stage '")
            .Append(stage?.ToConnectName() ?? "null")
            .Append("' with class '")
            .Append(executingClass ?? "null")
            .Append('\'');
        if (source is not null)
        {
            builder.Append(", where source record is = ").Append(source);
        }
        else if (consumed is not null)
        {
            builder.Append(", where consumed record is {topic='").Append(consumed.Topic).Append('\'')
                .Append(", partition=").Append(consumed.Partition.ToString(CultureInfo.InvariantCulture))
                .Append(", offset=").Append(consumed.Offset.ToString(CultureInfo.InvariantCulture));
            if (consumed.Timestamp is { } timestamp && consumed.TimestampType is TimestampType.CreateTime or TimestampType.LogAppendTime)
            {
                builder.Append(", timestamp=").Append(timestamp.ToString(CultureInfo.InvariantCulture))
                    .Append(", timestampType=").Append(consumed.TimestampType.ToString());
            }

            builder.Append('}');
        }

        return builder.Append('.').ToString();
    }
}
