using BenchmarkDotNet.Attributes;
using Parquet;
using Serverless.Connect.Data;
using Serverless.Connect.Sinks.S3.Internal.Parquet;

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

    private static readonly Schema RowSchema = SchemaBuilder.Struct().Name("Row")
        .Field("id", Schema.Int64Schema)
        .Field("customer", Schema.Int32Schema)
        .Field("name", Schema.StringSchema)
        .Field("city", Schema.StringSchema)
        .Field("amount", DecimalSchema.Builder(2).Parameter("connect.decimal.precision", "12").Build())
        .Field("score", Schema.Float64Schema)
        .Field("active", Schema.BooleanSchema)
        .Field("created", TimestampSchema.Schema)
        .Field("quantity", Schema.Int32Schema)
        .Field("note", Schema.OptionalStringSchema)
        .Build();

    private Struct[] _values = [];
    private global::Parquet.Schema.ParquetSchema _parquet = null!;

    /// <summary>Gets the encoded size of the last run divided by the rows.</summary>
    public static double BytesPerRecord { get; private set; }

    [GlobalSetup]
    public void Setup()
    {
        var cities = new[] { "Amsterdam", "Berlin", "Chicago", "Dublin", "Edinburgh", "Frankfurt", "Geneva", "Helsinki" };
        _values = Enumerable.Range(0, Rows).Select(i => new StructBuilder(RowSchema)
            .Put("id", (long)i)
            .Put("customer", i % 5000)
            .Put("name", "customer-" + (i % 5000))
            .Put("city", cities[i % cities.Length])
            .Put("amount", new ConnectDecimal(i * 37L % 1_000_000, 2))
            .Put("score", i * 0.25)
            .Put("active", i % 3 == 0)
            .Put("created", DateTimeOffset.FromUnixTimeMilliseconds(1_714_521_600_000 + (i * 10L)))
            .Put("quantity", i % 100)
            .Put("note", i % 4 == 0 ? null : "note " + (i % 97))
            .Build()).ToArray();
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
