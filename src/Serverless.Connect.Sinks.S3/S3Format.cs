namespace Serverless.Connect.Sinks.S3;

/// <summary>The object format (<c>format.class</c>).</summary>
public enum S3Format
{
    /// <summary>Avro object container files (<c>.avro</c>).</summary>
    Avro,

    /// <summary>One JSON value per line (<c>.json</c>, <c>.json.gz</c>).</summary>
    Json,

    /// <summary>Parquet files (<c>.snappy.parquet</c> and so on).</summary>
    Parquet,

    /// <summary>Raw value bytes followed by a separator (<c>.bin</c>).</summary>
    ByteArray,
}
