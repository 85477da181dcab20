using System.Text.Json;
using Serverless.Connect.Configuration;
using Serverless.Connect.Configuration.Loading;
using Serverless.Connect.Configuration.Validation;
using Serverless.Connect.Errors;

namespace Serverless.Connect.Functions;

/// <summary>
/// <c>POST /{functionName}</c>: one Kafka trigger batch. HTTP 200 only when the whole batch is done; anything else is a
/// non-2xx, so the host's retry policy retries the batch and (with <c>commitOnFailure: false</c>) commits nothing.
/// </summary>
internal static partial class InvocationEndpoint
{
    public static async Task<IResult> HandleAsync(
        string functionName, HttpRequest request, SinkFunctionHost host, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var logger = loggers.CreateLogger(typeof(InvocationEndpoint).FullName!);
        Invocation invocation;
        try
        {
            using var body = await JsonDocument.ParseAsync(request.Body, cancellationToken: cancellationToken);
            invocation = InvocationReader.Read(body.RootElement);
        }
        catch (Exception e) when (e is JsonException or InvalidInvocationException)
        {
            return Fail(logger, StatusCodes.Status400BadRequest, $"{functionName}: invalid invocation body: {e.Message}");
        }

        FunctionRuntime runtime;
        try
        {
            runtime = await host.GetAsync(functionName, cancellationToken);
        }
        catch (UnknownFunctionException e)
        {
            return Fail(logger, StatusCodes.Status404NotFound, e.Message);
        }
        catch (Exception e) when (e is ConfigLoadException or ConfigValidationException or ConfigException or ConnectException or IOException)
        {
            return Fail(logger, StatusCodes.Status500InternalServerError, $"{functionName}: configuration error in {host.ConnectorsPath}: {e.Message}");
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // For example a Kafka client that rejects its settings: still a JSON answer naming the cause.
            return Fail(logger, StatusCodes.Status500InternalServerError, $"{functionName}: could not start the task: {e.GetType().Name}: {e.Message}");
        }

        try
        {
            var result = await runtime.InvokeAsync(invocation, cancellationToken);
            var logs = invocation.RetryCount > 0 ? [.. result.Logs, $"{functionName}: retry {invocation.RetryCount}"] : result.Logs;
            return Respond(result.Succeeded ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable, logs);
        }
        catch (RetriableException e)
        {
            return Fail(logger, StatusCodes.Status503ServiceUnavailable, $"{functionName}: {e.Message}");
        }
        catch (ConnectException e)
        {
            // Connect would mark the task FAILED; here the batch stays uncommitted and the next attempt gets a fresh task.
            await host.RestartAsync(runtime);
            return Fail(logger, StatusCodes.Status500InternalServerError, $"{functionName}: task failed: {e.Message}");
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Anything else escaping the task (a Kafka or HTTP client error) fails it the same way, with the cause logged.
            await host.RestartAsync(runtime);
            return Fail(logger, StatusCodes.Status500InternalServerError, $"{functionName}: task failed: {e.GetType().Name}: {e.Message}");
        }
    }

    private static IResult Fail(ILogger logger, int status, string message)
    {
        LogFailed(logger, status, message);
        return Respond(status, [message]);
    }

    private static IResult Respond(int status, IReadOnlyList<string> logs) => Results.Json(new InvocationResponse(logs), statusCode: status);

    [LoggerMessage(EventId = 5121, Level = LogLevel.Error, Message = "Invocation failed with HTTP {Status}: {Message}")]
    private static partial void LogFailed(ILogger logger, int status, string message);
}
