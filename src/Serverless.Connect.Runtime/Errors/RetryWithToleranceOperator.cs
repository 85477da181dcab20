using System.Runtime.ExceptionServices;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Serverless.Connect.Configuration.Connect;
using Serverless.Connect.Errors;

namespace Serverless.Connect.Runtime.Errors;

/// <summary>
/// Runs pipeline operations with Kafka Connect's error handling (<c>RetryWithToleranceOperator</c>): retries
/// <see cref="RetriableException"/> with exponential backoff for <c>errors.retry.timeout</c>, tolerates failures per
/// <c>errors.tolerance</c>, counts them in <see cref="ErrorHandlingMetrics"/> and hands each failure to the reporters.
/// </summary>
/// <remarks>
/// <para>Backoff before retry <c>n</c> (1-based) is 300 ms × 2^(n−1); once that exceeds <c>errors.retry.delay.max.ms</c> it is
/// a random delay below the cap; it never goes past the deadline (start + <c>errors.retry.timeout</c>; -1 = no deadline,
/// 0 = no retry). Converters and transformations tolerate any exception; other stages only <see cref="RetriableException"/>.</para>
/// <para>Deliberate difference: when retries of a <see cref="RetriableException"/> run out and <c>errors.tolerance=none</c>,
/// Kafka silently skips the record; this operator fails with <see cref="ToleranceExceededException"/>, as Connect's
/// documentation of <c>none</c> promises.</para>
/// <para>Thread-safe: the only shared state is the failure count and the metrics; each record has its own <see cref="ProcessingContext"/>.</para>
/// </remarks>
public sealed partial class RetryWithToleranceOperator
{
    /// <summary>The first backoff delay, in milliseconds (Connect's <c>RETRIES_DELAY_MIN_MS</c>).</summary>
    public const long RetriesDelayMinMs = 300;

    private readonly ErrorHandlingConfig _config;
    private readonly IErrorReporter[] _reporters;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Func<long, long> _jitter;
    private long _totalFailures;

    /// <summary>Creates an operator.</summary>
    /// <param name="config">The <c>errors.*</c> settings.</param>
    /// <param name="reporters">Receive every failure (log, dead-letter queue), in order.</param>
    /// <param name="metrics">The task's error metrics; a new instance when null.</param>
    /// <param name="timeProvider">The clock for deadlines and backoff; <see cref="TimeProvider.System"/> when null.</param>
    /// <param name="logger">Trace and debug logging of retries; none when null.</param>
    public RetryWithToleranceOperator(
        ErrorHandlingConfig config,
        IEnumerable<IErrorReporter>? reporters = null,
        ErrorHandlingMetrics? metrics = null,
        TimeProvider? timeProvider = null,
        ILogger? logger = null)
        : this(config, reporters, metrics, timeProvider, logger, static max => Random.Shared.NextInt64(max))
    {
    }

    internal RetryWithToleranceOperator(
        ErrorHandlingConfig config,
        IEnumerable<IErrorReporter>? reporters,
        ErrorHandlingMetrics? metrics,
        TimeProvider? timeProvider,
        ILogger? logger,
        Func<long, long> jitter)
    {
        ArgumentNullException.ThrowIfNull(config);
        _config = config;
        _reporters = reporters?.ToArray() ?? [];
        Metrics = metrics ?? new ErrorHandlingMetrics();
        _time = timeProvider ?? TimeProvider.System;
        _logger = logger ?? NullLogger.Instance;
        _jitter = jitter;
    }

    /// <summary>Gets the settings.</summary>
    public ErrorHandlingConfig Config => _config;

    /// <summary>Gets the task's error metrics.</summary>
    public ErrorHandlingMetrics Metrics { get; }

    /// <summary>Gets the number of operations that failed for good (tolerated or not).</summary>
    public long TotalFailures => Interlocked.Read(ref _totalFailures);

    /// <summary>Gets whether further failures are tolerated: always with <c>all</c>; with <c>none</c> only before the first failure.</summary>
    /// <returns><see langword="true"/> when within the limits.</returns>
    public bool WithinToleranceLimits() => _config.Tolerance == ToleranceType.All || TotalFailures == 0;

    /// <summary>Whether Connect tolerates an exception at a stage: any exception in converters and transformations, otherwise only retriable ones.</summary>
    /// <param name="stage">The stage.</param>
    /// <param name="error">The exception.</param>
    /// <returns><see langword="true"/> when the exception may be tolerated.</returns>
    public static bool IsTolerable(ErrorStage stage, Exception error) =>
        stage is ErrorStage.Transformation or ErrorStage.KeyConverter or ErrorStage.ValueConverter or ErrorStage.HeaderConverter
        || error is RetriableException;

    /// <summary>
    /// Runs one operation of a record's pipeline. Returns its result; or <see langword="null"/> without running it when the
    /// record already failed, or when it failed and the failure was tolerated (check <see cref="ProcessingContext.Failed"/>).
    /// </summary>
    /// <typeparam name="TState">State passed to the operation (use it to keep the delegate static and allocation-free).</typeparam>
    /// <typeparam name="TResult">The result type.</typeparam>
    /// <param name="context">The record's context.</param>
    /// <param name="stage">The stage.</param>
    /// <param name="executingClass">The Java class name of the plugin running the operation, as Connect reports it.</param>
    /// <param name="state">The operation's state.</param>
    /// <param name="operation">The operation.</param>
    /// <param name="cancellationToken">Stops a retry backoff (throws <see cref="OperationCanceledException"/>).</param>
    /// <returns>The result, or <see langword="null"/>.</returns>
    /// <exception cref="ToleranceExceededException">The failure is not tolerated; the task must stop.</exception>
    public ValueTask<TResult?> ExecuteAsync<TState, TResult>(
        ProcessingContext context,
        ErrorStage stage,
        string executingClass,
        TState state,
        Func<TState, TResult?> operation,
        CancellationToken cancellationToken = default)
        where TResult : class
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(operation);
        context.SetCurrent(stage, executingClass);
        if (context.Failed)
        {
            return default;
        }

        try
        {
            var result = operation(state);
            context.Attempts = 1;
            return new ValueTask<TResult?>(result);
        }
        catch (Exception e) when (!IsCancellation(e, cancellationToken))
        {
            return HandleFailureAsync(context, stage, state, operation, e, cancellationToken);
        }
    }

    /// <summary>
    /// Reports an operation that already failed outside <see cref="ExecuteAsync"/> (Connect's <c>executeFailed</c>, used for
    /// errant records reported by a sink task, or input that could not even be read).
    /// </summary>
    /// <param name="context">The record's context.</param>
    /// <param name="stage">The stage.</param>
    /// <param name="executingClass">The Java class name of the plugin that failed.</param>
    /// <param name="error">The error.</param>
    /// <param name="cancellationToken">Cancels waiting for the reporters.</param>
    /// <returns>A task that completes when the failure is reported.</returns>
    /// <exception cref="ToleranceExceededException">The failure is not tolerated.</exception>
    public async ValueTask ExecuteFailedAsync(
        ProcessingContext context, ErrorStage stage, string executingClass, Exception error, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(error);
        context.SetCurrent(stage, executingClass);
        context.Attempts = 1;
        MarkAsFailed();
        Metrics.RecordFailure();
        var report = Fail(context, error);
        await ReportAsync(report, cancellationToken).ConfigureAwait(false);
        if (!WithinToleranceLimits())
        {
            Metrics.RecordError();
            throw new ToleranceExceededException(ToleranceExceededException.ExceededMessage, report);
        }

        Metrics.RecordSkipped();
    }

    internal long ComputeBackoff(int attempt, long now, long deadline)
    {
        var numRetry = attempt - 1;
        var delay = numRetry >= 40 ? long.MaxValue : RetriesDelayMinMs << numRetry;
        if (delay > _config.RetryDelayMaxMs)
        {
            delay = _config.RetryDelayMaxMs <= 0 ? 0 : _jitter(_config.RetryDelayMaxMs);
        }

        if (deadline != long.MaxValue && delay > deadline - now)
        {
            delay = Math.Max(0, deadline - now);
        }

        return delay;
    }

    private async ValueTask<TResult?> HandleFailureAsync<TState, TResult>(
        ProcessingContext context, ErrorStage stage, TState state, Func<TState, TResult?> operation, Exception error, CancellationToken cancellationToken)
        where TResult : class
    {
        var attempt = 1;
        try
        {
            if (error is RetriableException)
            {
                // The deadline starts at the first failure rather than before the first attempt, which keeps the
                // successful path free of clock reads; the difference is the duration of one attempt.
                var start = NowMs();
                var deadline = _config.RetryTimeoutMs < 0 || start > long.MaxValue - _config.RetryTimeoutMs
                    ? long.MaxValue
                    : start + _config.RetryTimeoutMs;
                while (error is RetriableException)
                {
                    LogRetriable(_logger, stage.ToConnectName(), context.ExecutingClass);
                    Metrics.RecordFailure();
                    var now = NowMs();
                    if (now >= deadline)
                    {
                        context.Attempts = attempt;
                        MarkAsFailed();
                        var exhausted = Fail(context, error);
                        if (!WithinToleranceLimits())
                        {
                            throw new ToleranceExceededException(ToleranceExceededException.ExceededMessage, exhausted);
                        }

                        Metrics.RecordSkipped();
                        return null;
                    }

                    var delay = ComputeBackoff(attempt, now, deadline);
                    LogBackoff(_logger, delay);
                    await Task.Delay(TimeSpan.FromMilliseconds(delay), _time, cancellationToken).ConfigureAwait(false);
                    Metrics.RecordRetry();
                    attempt++;
                    try
                    {
                        var result = operation(state);
                        context.Attempts = attempt;
                        return result;
                    }
                    catch (Exception e) when (!IsCancellation(e, cancellationToken))
                    {
                        error = e;
                    }
                }
            }

            context.Attempts = attempt;
            Metrics.RecordFailure();
            MarkAsFailed();
            var report = Fail(context, error);
            if (!IsTolerable(stage, error))
            {
                throw new ToleranceExceededException(ToleranceExceededException.UnhandledMessage, report);
            }

            if (!WithinToleranceLimits())
            {
                throw new ToleranceExceededException(ToleranceExceededException.ExceededMessage, report);
            }

            Metrics.RecordSkipped();
            return null;
        }
        finally
        {
            if (context.Report is { } failed)
            {
                Metrics.RecordError();
                await ReportAsync(failed, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private static ErrorReport Fail(ProcessingContext context, Exception error)
    {
        context.Error = error;
        var report = new ErrorReport(context.ConsumedRecord, context.SourceRecord, context.Stage!.Value, context.ExecutingClass ?? "null", error, context.Attempts);
        context.Report = report;
        return report;
    }

    private async ValueTask ReportAsync(ErrorReport report, CancellationToken cancellationToken)
    {
        foreach (var reporter in _reporters)
        {
            await reporter.ReportAsync(report, cancellationToken).ConfigureAwait(false);
        }
    }

    private void MarkAsFailed()
    {
        Metrics.RecordErrorTimestamp(NowMs());
        Interlocked.Increment(ref _totalFailures);
    }

    private long NowMs() => _time.GetUtcNow().ToUnixTimeMilliseconds();

    private static bool IsCancellation(Exception e, CancellationToken cancellationToken) =>
        e is OperationCanceledException && cancellationToken.IsCancellationRequested;

    internal static void Rethrow(Exception error) => ExceptionDispatchInfo.Throw(error);

    [LoggerMessage(EventId = 4101, Level = LogLevel.Trace, Message = "Caught a retriable exception while executing {Stage} operation with {ExecutingClass}")]
    private static partial void LogRetriable(ILogger logger, string stage, string? executingClass);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Debug, Message = "Sleeping for up to {DelayMs} millis")]
    private static partial void LogBackoff(ILogger logger, long delayMs);
}
