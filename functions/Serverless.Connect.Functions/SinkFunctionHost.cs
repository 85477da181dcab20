using System.Collections.Concurrent;
using Serverless.Connect.Configuration;
using Serverless.Connect.Functions.Generation;
using Serverless.Connect.Runtime.Sinks;

namespace Serverless.Connect.Functions;

/// <summary>
/// The handler's state across invocations: the function layout read from <c>connectors/</c>, and one live sink task per
/// function, created on its first invocation (so start-up never waits for a sink) and kept until the process stops.
/// </summary>
internal sealed partial class SinkFunctionHost : IAsyncDisposable
{
    /// <summary>The setting naming the connectors directory; by default <c>connectors/</c> in the app root.</summary>
    public const string ConnectorsPathSetting = "CONNECT_CONNECTORS_PATH";

    private readonly IConfiguration _configuration;
    private readonly ILoggerFactory _loggers;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _create = new(1, 1);
    private readonly ConcurrentDictionary<string, FunctionRuntime> _runtimes = new(StringComparer.OrdinalIgnoreCase);
    private FunctionLayout? _layout;

    public SinkFunctionHost(IConfiguration configuration, SinkConnectorRegistry sinks, ILoggerFactory loggers, TimeProvider time)
    {
        _configuration = configuration;
        _loggers = loggers;
        _time = time;
        _logger = loggers.CreateLogger<SinkFunctionHost>();
        Sinks = sinks;
    }

    public SinkConnectorRegistry Sinks { get; }

    public string ConnectorsPath =>
        _configuration[ConnectorsPathSetting] is { Length: > 0 } configured
            ? configured
            : Path.Combine(_configuration["FUNCTIONS_APP_ROOT_PATH"] is { Length: > 0 } root ? root : Directory.GetCurrentDirectory(), FunctionsGenerator.ConnectorsFolder);

    /// <summary>The runtime of a function, created on first use; a failed creation is retried on the next invocation.</summary>
    /// <exception cref="UnknownFunctionException">No sink connector has this function.</exception>
    public async ValueTask<FunctionRuntime> GetAsync(string functionName, CancellationToken cancellationToken)
    {
        if (_runtimes.TryGetValue(functionName, out var runtime))
        {
            return runtime;
        }

        await _create.WaitAsync(cancellationToken);
        try
        {
            if (_runtimes.TryGetValue(functionName, out runtime))
            {
                return runtime;
            }

            var layout = _layout ??= LoadLayout();
            var function = layout.Find(functionName)
                ?? throw new UnknownFunctionException(
                    $"No sink connector in {ConnectorsPath} has function {functionName}; functions: {string.Join(", ", layout.Functions.Select(f => f.Name))}");
            runtime = FunctionRuntime.Create(function, Sinks.Get(function.Connector.ConnectorClass), new AppSettings(_configuration), _loggers, _time);
            _runtimes[functionName] = runtime;
            LogCreated(_logger, function.Name, function.Connector.Name, function.Topic);
            return runtime;
        }
        finally
        {
            _create.Release();
        }
    }

    /// <summary>Drops a runtime whose task failed, so the next invocation starts a fresh task (a Connect task restart).</summary>
    public async ValueTask RestartAsync(FunctionRuntime runtime)
    {
        if (_runtimes.TryRemove(new KeyValuePair<string, FunctionRuntime>(runtime.Function.Name, runtime)))
        {
            await runtime.DisposeAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var runtime in _runtimes.Values)
        {
            await runtime.DisposeAsync();
        }

        _runtimes.Clear();
        _create.Dispose();
    }

    private FunctionLayout LoadLayout()
    {
        var path = ConnectorsPath;
        if (!Directory.Exists(path))
        {
            throw new ConfigException($"The connectors directory {path} does not exist; run ./connect generate functions, or set {ConnectorsPathSetting}");
        }

        return FunctionLayout.From(FunctionsGenerator.Load(path), Sinks.Contains);
    }

    [LoggerMessage(EventId = 5101, Level = LogLevel.Information, Message = "Function {Function} runs connector {Connector} for topic {Topic}")]
    private static partial void LogCreated(ILogger logger, string function, string connector, string topic);
}
