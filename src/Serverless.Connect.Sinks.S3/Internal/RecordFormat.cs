using Parquet;
using Parquet.Schema;
using Serverless.Connect.Converters;
using Serverless.Connect.Converters.Avro;
using Serverless.Connect.Data;
using Serverless.Connect.Errors;
using Serverless.Connect.Sinks.S3.Internal.Parquet;
using ConnectSchema = Serverless.Connect.Data.Schema;
using SchemaType = Serverless.Connect.Data.SchemaType;

namespace Serverless.Connect.Sinks.S3.Internal;

/// <summary>The configured format: object extension and a factory of file writers.</summary>
internal sealed class RecordFormat
{
    private readonly S3SinkOptions _options;
    private readonly BoundedCache<ConnectSchema, ParquetSchema> _parquetSchemas;
    private readonly ParquetOptions _parquetOptions;
    private readonly JsonConverter? _json;
    private readonly AvroData? _avro;

    public RecordFormat(S3SinkOptions options)
    {
        _options = options;
        _parquetSchemas = new BoundedCache<ConnectSchema, ParquetSchema>(Math.Max(16, options.SchemaCacheSize));
        _parquetOptions = new ParquetOptions { CompressionMethod = ParquetCodecMethod(options.ParquetCodec) };
        Extension = options.Format switch
        {
            S3Format.Avro => ".avro",
            S3Format.Json => options.Gzip ? ".json.gz" : ".json",
            S3Format.ByteArray => options.ByteArrayExtension + (options.Gzip ? ".gz" : ""),
            _ => ParquetCodecExtension(options.ParquetCodec) + ".parquet",
        };
        if (options.Format == S3Format.Json)
        {
            _json = new JsonConverter(new JsonConverterConfig
            {
                SchemasEnabled = false,
                DecimalFormat = options.JsonDecimalNumeric ? DecimalFormat.Numeric : DecimalFormat.Base64,
                SchemasCacheSize = options.SchemaCacheSize,
            });
        }
        else if (options.Format == S3Format.Avro)
        {
            _avro = new AvroData(new AvroDataConfig
            {
                ConnectMetaData = options.ConnectMetaData,
                EnhancedAvroSchemaSupport = options.EnhancedAvroSchemaSupport,
                SchemasCacheSize = Math.Max(1, options.SchemaCacheSize),
            });
        }
    }

    public string Extension { get; }

    public int CachedParquetSchemas => _parquetSchemas.Count;

    /// <summary>Checks that a record can be written in this format at all (before it is placed in a file).</summary>
    public string? Reject(ConnectRecord record) => _options.Format switch
    {
        S3Format.Parquet when record.ValueSchema is null =>
            "Schemaless values cannot be written as Parquet (the value has no Connect schema); use JsonFormat, or a converter with schemas",
        S3Format.Parquet when record.ValueSchema!.Type != SchemaType.Struct =>
            $"Parquet files need struct values; the value schema is {record.ValueSchema.Type.ToConnectName()}",
        _ => null,
    };

    public async Task<IRecordFileWriter> CreateAsync(S3Storage storage, string key, ConnectSchema? schema, CancellationToken cancellationToken)
    {
        var upload = new S3UploadStream(storage, key, _options.PartSize);
        switch (_options.Format)
        {
            case S3Format.Parquet:
                var parquet = _parquetSchemas.GetOrAdd(schema ?? throw new DataException("Parquet needs a value schema"), ParquetSchemaMapper.Build);
                var rowGroup = Math.Max(1, Math.Min(_options.ParquetRowGroupRecords, _options.FlushSize));
                return await ParquetRecordWriter.CreateAsync(schema, parquet, upload, _parquetOptions, rowGroup, cancellationToken).ConfigureAwait(false);
            case S3Format.Avro:
                return new AvroContainerWriter(upload, _avro!, schema, _options.AvroCodec);
            default:
                return new LineRecordWriter(upload, _json, _options.ByteArraySeparator, _options.Gzip, _options.CompressionLevel);
        }
    }

    private static CompressionMethod ParquetCodecMethod(string codec) => codec switch
    {
        "none" => CompressionMethod.None,
        "gzip" => CompressionMethod.Gzip,
        "brotli" => CompressionMethod.Brotli,
        "lz4" => CompressionMethod.LZ4,
        "lz4_raw" => CompressionMethod.Lz4Raw,
        "zstd" => CompressionMethod.Zstd,
        _ => CompressionMethod.Snappy,
    };

    // parquet-mr's CompressionCodecName extensions, which Confluent puts before ".parquet".
    private static string ParquetCodecExtension(string codec) => codec switch
    {
        "none" => "",
        "gzip" => ".gz",
        "brotli" => ".br",
        "lz4" => ".lz4",
        "lz4_raw" => ".lz4raw",
        "zstd" => ".zstd",
        _ => ".snappy",
    };
}
