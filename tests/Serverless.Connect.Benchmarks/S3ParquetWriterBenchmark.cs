using BenchmarkDotNet.Attributes;
using Parquet;
using Serverless.Connect.Data;
using Serverless.Connect.Sinks.S3.Internal.Parquet;
using Serverless.Connect.TestData;

namespace Serverless.Connect.Benchmarks;

/// <summary>
/// Issue 6's Parquet path: 10-column Connect rows (ints, longs, strings, a double, a boolean, a timestamp, a decimal and
/// an optional string) striped into column buffers and encoded by Parquet.Net (snappy, 50,000-row row groups) into a
/// counting stream — what the S3 sink does per record before bytes go to the upload. One operation is one record.
/// </summary>
[MemoryDiagnoser]
public class S3ParquetWriterBenchmark
{
    private const int Rows = 200_000;

    private static readonly Schema RowSchema = ParquetSampleRows.Schema;

    private Struct[] _values = [];
    private global::Parquet.Schema.ParquetSchema _parquet = null!;

    /// <summary>Gets the encoded size of the last run divided by the rows.</summary>
    public static double BytesPerRecord { get; private set; }

    [GlobalSetup]
    public void Setup()
    {
        _values = Enumerable.Range(0, Rows).Select(i => ParquetSampleRows.Row(i)).ToArray();
        _parquet = ParquetSchemaMapper.Build(RowSchema);
    }

    [Benchmark(OperationsPerInvoke = Rows)]
    public async Task<long> ShredAndEncode()
    {
        var output = new CountingStream();
        var (root, columns) = ParquetSchemaMapper.CreateTree(RowSchema, _parquet);
        await using (var writer = await ParquetWriter.CreateAsync(_parquet, output, new ParquetOptions { CompressionMethod = CompressionMethod.Snappy }))
        {
            var buffered = 0;
            foreach (var value in _values)
            {
                root.ShredFields(value, 0, 0);
                if (++buffered == 50_000)
                {
                    await WriteRowGroupAsync(writer, columns);
                    buffered = 0;
                }
            }

            if (buffered > 0)
            {
                await WriteRowGroupAsync(writer, columns);
            }
        }

        BytesPerRecord = (double)output.Length / Rows;
        return output.Length;
    }

    [GlobalCleanup]
    public void Report() => Console.WriteLine($"// bytes per record (snappy Parquet): {BytesPerRecord:F2}");

    private static async Task WriteRowGroupAsync(ParquetWriter writer, ColumnBuffer[] columns)
    {
        using (var rowGroup = writer.CreateRowGroup())
        {
            foreach (var column in columns)
            {
                await column.WriteAsync(rowGroup, default);
            }

            rowGroup.CompleteValidate();
        }

        foreach (var column in columns)
        {
            column.Clear();
        }
    }

    private sealed class CountingStream : Stream
    {
        private long _length;

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => _length;

        public override long Position
        {
            get => _length;
            set => throw new NotSupportedException();
        }

        public override void Write(byte[] buffer, int offset, int count) => _length += count;

        public override void Write(ReadOnlySpan<byte> buffer) => _length += buffer.Length;

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            _length += buffer.Length;
            return ValueTask.CompletedTask;
        }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
