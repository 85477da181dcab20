using Serverless.Connect.Errors;

namespace Serverless.Connect.Converters.Avro;

/// <summary>Confluent's subject name strategies: parsing their class names and computing subjects.</summary>
public static class SubjectNames
{
    /// <summary>The class name of the default strategy.</summary>
    public const string TopicNameStrategyClass = "io.confluent.kafka.serializers.subject.TopicNameStrategy";

    /// <summary>The class name of the record name strategy.</summary>
    public const string RecordNameStrategyClass = "io.confluent.kafka.serializers.subject.RecordNameStrategy";

    /// <summary>The class name of the topic-and-record name strategy.</summary>
    public const string TopicRecordNameStrategyClass = "io.confluent.kafka.serializers.subject.TopicRecordNameStrategy";

    /// <summary>Parses a strategy class name (the full Confluent class name or its simple name).</summary>
    /// <param name="className">The configured class name.</param>
    /// <param name="strategy">The strategy.</param>
    /// <returns><see langword="true"/> if the class is one of Confluent's three strategies.</returns>
    public static bool TryParse(string? className, out SubjectNameStrategy strategy)
    {
        var simple = className?.Trim() ?? string.Empty;
        simple = simple[(simple.LastIndexOf('.') + 1)..];
        switch (simple)
        {
            case "TopicNameStrategy":
                strategy = SubjectNameStrategy.TopicName;
                return true;
            case "RecordNameStrategy":
                strategy = SubjectNameStrategy.RecordName;
                return true;
            case "TopicRecordNameStrategy":
                strategy = SubjectNameStrategy.TopicRecordName;
                return true;
            default:
                strategy = SubjectNameStrategy.TopicName;
                return false;
        }
    }

    /// <summary>Returns the Confluent class name of a strategy.</summary>
    /// <param name="strategy">The strategy.</param>
    /// <returns>The class name.</returns>
    public static string ClassName(SubjectNameStrategy strategy) => strategy switch
    {
        SubjectNameStrategy.RecordName => RecordNameStrategyClass,
        SubjectNameStrategy.TopicRecordName => TopicRecordNameStrategyClass,
        _ => TopicNameStrategyClass,
    };

    /// <summary>Computes the subject for a topic and schema.</summary>
    /// <param name="strategy">The strategy.</param>
    /// <param name="topic">The topic.</param>
    /// <param name="isKey">Whether the schema is for record keys.</param>
    /// <param name="recordFullName">The full name of the top-level Avro record, or <see langword="null"/> when the schema is not a record.</param>
    /// <returns>The subject.</returns>
    /// <exception cref="DataException">A record-based strategy is used with a schema that is not a record.</exception>
    public static string Subject(SubjectNameStrategy strategy, string topic, bool isKey, string? recordFullName)
    {
        ArgumentNullException.ThrowIfNull(topic);
        if (strategy == SubjectNameStrategy.TopicName)
        {
            return topic + (isKey ? "-key" : "-value");
        }

        if (recordFullName is null)
        {
            var which = isKey ? "key" : "value";
            throw new DataException(
                $"In configuration {which}.subject.name.strategy = {ClassName(strategy)}, the message {which} must only be a record schema");
        }

        return strategy == SubjectNameStrategy.RecordName ? recordFullName : topic + "-" + recordFullName;
    }
}
