using Parquet;
using Parquet.Schema;
using Serverless.Connect.Data;
using Serverless.Connect.Errors;
using ConnectSchema = Serverless.Connect.Data.Schema;

namespace Serverless.Connect.Sinks.S3.Internal.Parquet;

/// <summary>
/// Streams a Parquet file into an <see cref="S3UploadStream"/>: rows are striped into column buffers, written as a
/// row group every <c>parquet.row.group.records</c> records (or 32 MiB), and complete parts are uploaded right away.
/// Uses Parquet.Net's low-level writer only, so nothing is cached per schema inside Parquet.Net.
/// </summary>
internal sealed class ParquetRecordWriter : IRecordFileWriter, IUploadOwner
{
    private const long MaxRowGroupBytes = 32L * 1024 * 1024;

    private readonly ConnectSchema _schema;
    private readonly S3UploadStream _upload;
    private readonly ParquetWriter _writer;
    private readonly StructNode _root;
    private readonly ColumnBuffer[] _columns;
    private readonly (int, int)[] _marks;
    private readonly int _rowGroupRecords;
    private int _buffered;
    private bool _footerWritten;

    private ParquetRecordWriter(ConnectSchema schema, S3UploadStream upload, ParquetWriter writer, ParquetSchema parquet, int rowGroupRecords)
    {
        _schema = schema;
        _upload = upload;
        _writer = writer;
        (_root, _columns) = ParquetSchemaMapper.CreateTree(schema, parquet);
        _marks = new (int, int)[_columns.Length];
        _rowGroupRecords = rowGroupRecords;
    }

    public int RecordCount { get; private set; }

    public string? UploadId => _upload.UploadId;

    public long BufferedBytes => _upload.BufferedBytes + _columns.Sum(c => c.EstimatedBytes);

    public static async Task<ParquetRecordWriter> CreateAsync(
        ConnectSchema schema, ParquetSchema parquet, S3UploadStream upload, ParquetOptions options, int rowGroupRecords, CancellationToken cancellationToken)
    {
        var writer = await ParquetWriter.CreateAsync(parquet, upload, options, false, cancellationToken).ConfigureAwait(false);
        return new ParquetRecordWriter(schema, upload, writer, parquet, rowGroupRecords);
    }

    public void Write(ConnectRecord record)
    {
        if (record.Value is not Struct value || !ReferenceEquals(value.Schema, _schema) && !value.Schema.Equals(_schema))
        {
            throw new DataException(
                $"Record {TimestampExtractor.Describe(record)} does not match the schema of the open Parquet file.");
        }

        for (var i = 0; i < _columns.Length; i++)
        {
            _marks[i] = _columns[i].Mark();
        }

        try
        {
            _root.ShredFields(value, 0, 0);
        }
        catch
        {
            for (var i = 0; i < _columns.Length; i++)
            {
                _columns[i].Reset(_marks[i]);
            }

            throw;
        }

        _buffered++;
        RecordCount++;
    }

    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        if (_buffered >= _rowGroupRecords || (_buffered > 0 && _columns.Sum(c => c.EstimatedBytes) >= MaxRowGroupBytes))
        {
            await WriteRowGroupAsync(cancellationToken).ConfigureAwait(false);
        }

        await _upload.UploadFullPartsAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task CompleteAsync(CancellationToken cancellationToken)
    {
        if (_buffered > 0)
        {
            await WriteRowGroupAsync(cancellationToken).ConfigureAwait(false);
        }

        if (!_footerWritten)
        {
            // The footer goes into the buffer once; a retry after a failed upload only sends what is buffered.
            await _writer.DisposeAsync().ConfigureAwait(false);
            _footerWritten = true;
        }

        await _upload.CompleteAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task AbortAsync()
    {
        foreach (var column in _columns)
        {
            column.Clear();
        }

        await _upload.AbortAsync().ConfigureAwait(false);
    }

    private async Task WriteRowGroupAsync(CancellationToken cancellationToken)
    {
        using (var rowGroup = _writer.CreateRowGroup())
        {
            foreach (var column in _columns)
            {
                await column.WriteAsync(rowGroup, cancellationToken).ConfigureAwait(false);
            }

            rowGroup.CompleteValidate();
        }

        foreach (var column in _columns)
        {
            column.Clear();
        }

        _buffered = 0;
        await _upload.UploadFullPartsAsync(cancellationToken).ConfigureAwait(false);
    }
}
