using System.CommandLine;
using System.Text;
using Serverless.Connect.Cli.Plugins;
using Serverless.Connect.Cli.Records;
using Serverless.Connect.Configuration;
using Serverless.Connect.Configuration.Connect;
using Serverless.Connect.Configuration.Loading;
using Serverless.Connect.Configuration.Validation;
using Serverless.Connect.Converters;
using Serverless.Connect.Errors;
using Serverless.Connect.Runtime;
using Serverless.Connect.Runtime.DeadLetterQueue;
using Serverless.Connect.Runtime.Errors;
using Serverless.Connect.Runtime.Pipeline;
using Serverless.Connect.Runtime.Records;

namespace Serverless.Connect.Cli.Commands;

/// <summary>
/// <c>./connect transform --config FILE [--dlq FILE]</c>: runs record lines from stdin through the connector's converters and
/// transformation chain, as a sink's pre-put pipeline, and writes the resulting records to stdout.
/// </summary>
internal static class TransformCommand
{
    public static Command Create()
    {
        var config = new Option<string>("--config") { Description = "Connector file (KafkaConnector YAML, REST JSON, properties) or config fragment.", Required = true };
        var dlq = new Option<string?>("--dlq") { Description = "File receiving failed records (with errors.tolerance=all and a DLQ topic)." };
        var command = new Command("transform", "Run stdin record lines through a connector's converters and transforms (sink pre-put pipeline).")
        {
            config,
            dlq,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var stdout = new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(false)) { AutoFlush = false };
            await using (stdout.ConfigureAwait(false))
            {
                using var stdin = new StreamReader(Console.OpenStandardInput(), Encoding.UTF8);
                return await RunAsync(parse.GetValue(config)!, parse.GetValue(dlq), stdin, stdout, Console.Error, cancellationToken).ConfigureAwait(false);
            }
        });
        return command;
    }

    internal static async Task<int> RunAsync(
        string configPath, string? dlqPath, TextReader input, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        if (!File.Exists(configPath) && !Directory.Exists(configPath))
        {
            await error.WriteLineAsync($"connect transform: --config {configPath}: file not found.").ConfigureAwait(false);
            return ConnectCommandLine.UsageError;
        }

        SinkRecordPipeline pipeline;
        StreamWriter? dlqFile = null;
        try
        {
            var loaded = ConfigFiles.Load(configPath);
            if (loaded.Connectors.Count != 1 || loaded.Workers.Count > 0)
            {
                await error.WriteLineAsync($"connect transform: {configPath} holds {loaded.Connectors.Count} connectors; give a file with exactly one.").ConfigureAwait(false);
                return ConnectCommandLine.UsageError;
            }

            var (connector, worker) = loaded.Connectors[0];
            var (resolved, resolvedWorker, problems) = ConfigFiles.ResolvePipelineKeys(connector, worker);
            if (problems.Count > 0)
            {
                await WriteProblemsAsync(error, problems).ConfigureAwait(false);
                return ConnectCommandLine.UsageError;
            }

            var effective = ConnectorConfigMerger.Merge(resolved, resolvedWorker);
            foreach (var warning in effective.Warnings)
            {
                await error.WriteLineAsync($"connect transform: warning: {warning}").ConfigureAwait(false);
            }

            var errors = SinkRecordPipeline.ReadErrorHandling(effective.Values);
            var reporters = new List<IErrorReporter>();
            if (dlqPath is not null)
            {
                if (errors.DeadLetterQueueTopic is { } topic)
                {
                    dlqFile = new StreamWriter(dlqPath, append: false, new UTF8Encoding(false));
                    var dlqWriter = new RecordLineWriter(dlqFile, PayloadOf(effective.KeyConverter), PayloadOf(effective.ValueConverter));
                    var builder = new DeadLetterRecordBuilder(topic, new ConnectorTaskId(effective.Connector.Name, 0), errors.DeadLetterQueueContextHeaders);
                    reporters.Add(new DeadLetterFileReporter(builder, dlqWriter));
                }
                else
                {
                    await error.WriteLineAsync($"connect transform: warning: --dlq is ignored: {ConnectConfigDefs.DlqTopicName} is not set.").ConfigureAwait(false);
                }
            }

            pipeline = SinkRecordPipeline.Create(effective, new SinkRecordPipelineOptions
            {
                Converters = CliPlugins.Converters,
                Transforms = CliPlugins.Transforms,
                Reporters = reporters,
                LoggerFactory = new StderrLoggerFactory(error),
            });
        }
        catch (Exception e) when (e is ConfigLoadException or ConfigValidationException or ConfigException or ConnectException
            or IOException or UnauthorizedAccessException)
        {
            dlqFile?.Dispose();
            await error.WriteLineAsync($"connect transform: {configPath}:").ConfigureAwait(false);
            await error.WriteLineAsync(e.Message).ConfigureAwait(false);
            return ConnectCommandLine.UsageError;
        }

        using (pipeline)
        await using (dlqFile)
        {
            return await RunRecordsAsync(pipeline, input, output, error, cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task<int> RunRecordsAsync(SinkRecordPipeline pipeline, TextReader input, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var keyEncoding = PayloadOf(pipeline.KeyConverterClass);
        var valueEncoding = PayloadOf(pipeline.ValueConverterClass);
        var reader = new RecordLineReader(keyEncoding, valueEncoding);
        var writer = new RecordLineWriter(output, keyEncoding, valueEncoding);
        var lineNumber = 0;
        try
        {
            while (await input.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
            {
                lineNumber++;
                if (string.IsNullOrWhiteSpace(line))
                {
                    continue;
                }

                var parsed = reader.Read(line, lineNumber);
                var result = parsed.FailedStage is { } stage
                    ? await pipeline.FailAsync(parsed.Record, stage, new DataException(parsed.Error!), cancellationToken).ConfigureAwait(false)
                    : await pipeline.ProcessAsync(parsed.Record, cancellationToken).ConfigureAwait(false);
                if (result.Record is { } record)
                {
                    await WriteRecordAsync(pipeline, writer, record, cancellationToken).ConfigureAwait(false);
                }
            }
        }
        catch (ToleranceExceededException e) when (e.Report is { } report)
        {
            await output.FlushAsync(cancellationToken).ConfigureAwait(false);
            var record = report.ConsumedRecord!;
            await error.WriteLineAsync(
                $"connect transform: record at stdin line {lineNumber} failed: topic={record.Topic} partition={record.Partition} offset={record.Offset} " +
                $"stage={report.Stage.ToConnectName()} class={report.ExecutingClass}: {e.Reason}: {JavaStackTrace.Header(report.Error).ReplaceLineEndings(" ")}")
                .ConfigureAwait(false);
            return 1;
        }

        await output.FlushAsync(cancellationToken).ConfigureAwait(false);
        return 0;
    }

    private static Task WriteRecordAsync(SinkRecordPipeline pipeline, RecordLineWriter writer, Data.ConnectRecord record, CancellationToken cancellationToken)
    {
        var key = pipeline.FromConnectKey(record);
        var value = pipeline.FromConnectValue(record);
        var headers = new List<RawHeader>(record.Headers.Count);
        foreach (var header in record.Headers)
        {
            headers.Add(new RawHeader(header.Key, pipeline.FromConnectHeader(record.Topic, header)));
        }

        return writer.WriteAsync(record.Topic, record.KafkaPartition, record.KafkaOffset, record.Timestamp, key, value, headers, cancellationToken);
    }

    private static PayloadEncoding PayloadOf(ConverterSettings? settings) => PayloadOf(settings?.ClassName ?? ConverterRegistry.JsonConverterClass);

    private static PayloadEncoding PayloadOf(string converterClass) =>
        converterClass.Trim() is ConverterRegistry.JsonConverterClass or "JsonConverter" or "Json" ? PayloadEncoding.Json : PayloadEncoding.Text;

    private static async Task WriteProblemsAsync(TextWriter error, IEnumerable<ConfigProblem> problems)
    {
        foreach (var problem in problems)
        {
            await error.WriteLineAsync(problem.ToString()).ConfigureAwait(false);
        }
    }
}
