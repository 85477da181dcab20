namespace Serverless.Connect.Converters.Avro;

/// <summary>How a subject name is derived (<c>key.subject.name.strategy</c> / <c>value.subject.name.strategy</c>).</summary>
public enum SubjectNameStrategy
{
    /// <summary><c>io.confluent.kafka.serializers.subject.TopicNameStrategy</c>: <c>&lt;topic&gt;-key</c> or <c>&lt;topic&gt;-value</c> (the default).</summary>
    TopicName,

    /// <summary><c>io.confluent.kafka.serializers.subject.RecordNameStrategy</c>: the record's full name.</summary>
    RecordName,

    /// <summary><c>io.confluent.kafka.serializers.subject.TopicRecordNameStrategy</c>: <c>&lt;topic&gt;-&lt;record full name&gt;</c>.</summary>
    TopicRecordName,
}
