using System.CommandLine;
using System.Globalization;
using Confluent.Kafka;
using Serverless.Connect.Kafka.Lag;

namespace Serverless.Connect.Cli.Commands;

/// <summary>
/// <c>./connect lag</c>: a consumer group's per-partition lag and the replica count KEDA's kafka scaler would ask for,
/// with the scaler's trigger keys as flags and its defaults.
/// </summary>
internal static class LagCommand
{
    public static Command Create()
    {
        var bootstrap = new Option<string?>("--bootstrap-servers") { Description = "Kafka bootstrap servers (default: KAFKA_BOOTSTRAP_SERVERS)." };
        var group = new Option<string>("--group") { Description = "Consumer group (KEDA consumerGroup; a sink's group is connect-<name>).", Required = true };
        var topic = new Option<string?>("--topic") { Description = "Topic (KEDA topic). Without it: every topic the group has committed offsets for." };
        var lagThreshold = new Option<long>("--lag-threshold") { Description = "KEDA lagThreshold: target lag per replica.", DefaultValueFactory = _ => 10 };
        var activation = new Option<long>("--activation-lag-threshold") { Description = "KEDA activationLagThreshold: zero replicas while total lag is at most this.", DefaultValueFactory = _ => 0 };
        var resetPolicy = new Option<string>("--offset-reset-policy") { Description = "KEDA offsetResetPolicy for partitions without a committed offset.", DefaultValueFactory = _ => "latest" };
        resetPolicy.AcceptOnlyFromAmong("latest", "earliest");
        var allowIdle = new Option<bool>("--allow-idle-consumers") { Description = "KEDA allowIdleConsumers: do not cap replicas at the partition count." };
        var limitToLag = new Option<bool>("--limit-to-partitions-with-lag") { Description = "KEDA limitToPartitionsWithLag: cap replicas at the partitions that have lag (needs --topic)." };
        var scaleToZero = new Option<bool>("--scale-to-zero-on-invalid-offset") { Description = "KEDA scaleToZeroOnInvalidOffset: a partition without a committed offset counts no lag." };
        var evenly = new Option<bool>("--ensure-even-distribution-of-partitions") { Description = "KEDA ensureEvenDistributionOfPartitions: replicas only at factors of the partition count (needs --topic)." };
        var persistent = new Option<bool>("--exclude-persistent-lag") { Description = "KEDA excludePersistentLag: lag of partitions whose committed offset did not move since the last poll counts only for activation (useful with --watch)." };
        var maxReplicas = new Option<int>("--max-replica-count") { Description = "ScaledObject maxReplicaCount.", DefaultValueFactory = _ => 100 };
        var watch = new Option<double?>("--watch") { Description = "Poll every N seconds (like KEDA's pollingInterval) until SIGINT/SIGTERM; with --json one object per line." };
        var timeout = new Option<double>("--timeout") { Description = "Seconds to wait for Kafka per request.", DefaultValueFactory = _ => 10 };
        var json = new Option<bool>("--json") { Description = "Print JSON instead of a table." };
        var command = new Command("lag", "Print a consumer group's lag per partition and the replica count KEDA's kafka scaler would set.")
        {
            bootstrap, group, topic, lagThreshold, activation, resetPolicy, allowIdle, limitToLag, scaleToZero, evenly, persistent, maxReplicas, watch, timeout, json,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var signals = new ServiceSignals(cancellationToken);
            return await RunAsync(Arguments(parse), Console.Out, Console.Error, signals.Token).ConfigureAwait(false);
        });
        return command;
    }

    /// <summary>The verb's flags from a parse of its command line.</summary>
    internal static LagArguments Arguments(ParseResult parse) => new(
        parse.GetValue<string?>("--bootstrap-servers") ?? Environment.GetEnvironmentVariable("KAFKA_BOOTSTRAP_SERVERS"),
        parse.GetValue<string>("--group")!,
        parse.GetValue<string?>("--topic"),
        new KafkaScalerOptions
        {
            LagThreshold = parse.GetValue<long>("--lag-threshold"),
            ActivationLagThreshold = parse.GetValue<long>("--activation-lag-threshold"),
            OffsetResetPolicy = parse.GetValue<string>("--offset-reset-policy") == "earliest" ? OffsetResetPolicy.Earliest : OffsetResetPolicy.Latest,
            AllowIdleConsumers = parse.GetValue<bool>("--allow-idle-consumers"),
            LimitToPartitionsWithLag = parse.GetValue<bool>("--limit-to-partitions-with-lag"),
            ScaleToZeroOnInvalidOffset = parse.GetValue<bool>("--scale-to-zero-on-invalid-offset"),
            EnsureEvenDistributionOfPartitions = parse.GetValue<bool>("--ensure-even-distribution-of-partitions"),
            ExcludePersistentLag = parse.GetValue<bool>("--exclude-persistent-lag"),
            MaxReplicaCount = parse.GetValue<int>("--max-replica-count"),
        },
        parse.GetValue<double?>("--watch"),
        parse.GetValue<double>("--timeout"),
        parse.GetValue<bool>("--json"));

    internal static async Task<int> RunAsync(LagArguments arguments, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var usage = UsageProblems(arguments);
        if (usage.Count > 0)
        {
            foreach (var problem in usage)
            {
                await error.WriteLineAsync($"connect lag: {problem}").ConfigureAwait(false);
            }

            return ConnectCommandLine.UsageError;
        }

        var config = new AdminClientConfig { BootstrapServers = arguments.BootstrapServers, SocketTimeoutMs = (int)Math.Max(1000, arguments.TimeoutSeconds * 1000) };
        using var scaler = new ConsumerLagScaler(
            config,
            arguments.Group,
            arguments.Topic is { } t ? [t] : null,
            arguments.Options,
            TimeSpan.FromSeconds(arguments.TimeoutSeconds));
        var report = new LagReport(arguments.Group, arguments.Options, arguments.Json);
        while (true)
        {
            try
            {
                var decision = await scaler.PollAsync(cancellationToken).ConfigureAwait(false);
                await output.WriteAsync(report.Format(decision).AsMemory(), cancellationToken).ConfigureAwait(false);
                await output.FlushAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return 0;
            }
            catch (KafkaException e)
            {
                await error.WriteLineAsync($"connect lag: cannot read group '{arguments.Group}' from Kafka at {arguments.BootstrapServers}: {e.Error.Reason}").ConfigureAwait(false);
                if (arguments.WatchSeconds is null)
                {
                    return 1;
                }
            }

            if (arguments.WatchSeconds is not { } seconds)
            {
                return 0;
            }

            try
            {
                await Task.Delay(TimeSpan.FromSeconds(seconds), cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return 0;
            }
        }
    }

    private static List<string> UsageProblems(LagArguments arguments)
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(arguments.BootstrapServers))
        {
            problems.Add("--bootstrap-servers is required (or set KAFKA_BOOTSTRAP_SERVERS).");
        }

        if (string.IsNullOrWhiteSpace(arguments.Group))
        {
            problems.Add("--group must not be empty.");
        }

        if (arguments.WatchSeconds is <= 0)
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"--watch must be a positive number of seconds (got {arguments.WatchSeconds})."));
        }

        if (arguments.TimeoutSeconds <= 0)
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"--timeout must be a positive number of seconds (got {arguments.TimeoutSeconds})."));
        }

        // KEDA's own checks, reported with this verb's flag names.
        problems.AddRange(arguments.Options.Validate(arguments.Topic is not null).Select(FlagNames));
        return problems;
    }

    private static string FlagNames(string problem) => problem
        .Replace("activationLagThreshold", "--activation-lag-threshold", StringComparison.Ordinal)
        .Replace("lagThreshold", "--lag-threshold", StringComparison.Ordinal)
        .Replace("maxReplicaCount", "--max-replica-count", StringComparison.Ordinal)
        .Replace("allowIdleConsumers", "--allow-idle-consumers", StringComparison.Ordinal)
        .Replace("limitToPartitionsWithLag", "--limit-to-partitions-with-lag", StringComparison.Ordinal)
        .Replace("ensureEvenDistributionOfPartitions", "--ensure-even-distribution-of-partitions", StringComparison.Ordinal)
        .Replace("needs a topic", "needs --topic", StringComparison.Ordinal);
}
