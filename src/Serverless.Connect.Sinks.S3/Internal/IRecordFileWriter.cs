using Serverless.Connect.Data;

namespace Serverless.Connect.Sinks.S3.Internal;

/// <summary>One object being written: records are appended in offset order, then the object is completed or aborted.</summary>
internal interface IRecordFileWriter
{
    /// <summary>Gets the records appended so far.</summary>
    int RecordCount { get; }

    /// <summary>Gets the bytes buffered in memory (encoded data not yet uploaded plus unencoded rows).</summary>
    long BufferedBytes { get; }

    /// <summary>Appends a record; on <see cref="Errors.DataException"/> the file is unchanged.</summary>
    void Write(ConnectRecord record);

    /// <summary>Encodes what is due (a Parquet row group) and uploads every complete part.</summary>
    Task FlushAsync(CancellationToken cancellationToken);

    /// <summary>Writes the rest and makes the object visible.</summary>
    Task CompleteAsync(CancellationToken cancellationToken);

    /// <summary>Abandons the object.</summary>
    Task AbortAsync();
}
