using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using Avro.Generic;
using Avro.IO;
using Serverless.Connect.Converters.Avro;
using Serverless.Connect.Data;
using ConnectSchema = Serverless.Connect.Data.Schema;

namespace Serverless.Connect.Sinks.S3.Internal;

/// <summary>
/// AvroFormat: an Avro object container file whose header carries the full Avro schema (with logical types and
/// Connect metadata, from <see cref="AvroData"/>); data blocks of about 64 KB, codec <c>null</c> or <c>deflate</c>.
/// </summary>
internal sealed class AvroContainerWriter : IRecordFileWriter, IUploadOwner
{
    private const int BlockBytes = 64_000;

    private readonly S3UploadStream _upload;
    private readonly AvroData _avro;
    private readonly ConnectSchema? _schema;
    private readonly GenericDatumWriter<object?> _datumWriter;
    private readonly MemoryStream _block = new();
    private readonly BinaryEncoder _blockEncoder;
    private readonly byte[] _sync;
    private readonly bool _deflate;
    private int _blockCount;

    public AvroContainerWriter(S3UploadStream upload, AvroData avro, ConnectSchema? schema, string codec)
    {
        _upload = upload;
        _avro = avro;
        _schema = schema;
        _deflate = codec == "deflate";
        _datumWriter = new GenericDatumWriter<object?>(avro.BinarySchema(schema));
        _blockEncoder = new BinaryEncoder(_block);

        // A sync marker derived from the key: a rewrite of the same object is byte-identical.
        _sync = MD5.HashData(Encoding.UTF8.GetBytes(upload.Key));
        WriteHeader(avro.FromConnectSchema(schema), codec);
    }

    public int RecordCount { get; private set; }

    public string? UploadId => _upload.UploadId;

    public long BufferedBytes => _upload.BufferedBytes + _block.Length;

    public void Write(ConnectRecord record)
    {
        var datum = _avro.FromConnectData(_schema, record.Value);
        var start = _block.Length;
        try
        {
            _datumWriter.Write(datum, _blockEncoder);
        }
        catch
        {
            _block.SetLength(start);
            throw;
        }

        _blockCount++;
        RecordCount++;
        if (_block.Length >= BlockBytes)
        {
            WriteBlock();
        }
    }

    public Task FlushAsync(CancellationToken cancellationToken) => _upload.UploadFullPartsAsync(cancellationToken);

    public Task CompleteAsync(CancellationToken cancellationToken)
    {
        WriteBlock();
        return _upload.CompleteAsync(cancellationToken);
    }

    public Task AbortAsync() => _upload.AbortAsync();

    private void WriteHeader(string schemaJson, string codec)
    {
        var encoder = new BinaryEncoder(_upload);
        _upload.Write("Obj\u0001"u8);
        encoder.WriteMapStart();
        encoder.SetItemCount(2);
        encoder.WriteString("avro.schema");
        encoder.WriteBytes(Encoding.UTF8.GetBytes(schemaJson));
        encoder.WriteString("avro.codec");
        encoder.WriteBytes(Encoding.UTF8.GetBytes(codec));
        encoder.WriteMapEnd();
        _upload.Write(_sync);
    }

    private void WriteBlock()
    {
        if (_blockCount == 0)
        {
            return;
        }

        var data = _block.GetBuffer().AsSpan(0, (int)_block.Length);
        byte[]? compressed = null;
        if (_deflate)
        {
            using var output = new MemoryStream();
            using (var deflate = new DeflateStream(output, CompressionLevel.Optimal, leaveOpen: true))
            {
                deflate.Write(data);
            }

            compressed = output.ToArray();
        }

        var encoder = new BinaryEncoder(_upload);
        encoder.WriteLong(_blockCount);
        encoder.WriteLong(compressed?.Length ?? data.Length);
        _upload.Write(compressed ?? data);
        _upload.Write(_sync);
        _block.SetLength(0);
        _blockCount = 0;
    }
}
