using Microsoft.Extensions.Logging;

namespace Serverless.Connect.CdcReader.Internal;

/// <summary>A minimal stderr logger, so the container logs without pulling in the full logging stack.</summary>
internal sealed class ConsoleLoggerFactory : ILoggerFactory
{
    private readonly LogLevel _minimum;

    private ConsoleLoggerFactory(LogLevel minimum)
    {
        _minimum = minimum;
    }

    public static ConsoleLoggerFactory Create() =>
        new(Enum.TryParse<LogLevel>(Environment.GetEnvironmentVariable("CDC_LOG_LEVEL"), ignoreCase: true, out var level) ? level : LogLevel.Information);

    public ILogger CreateLogger(string categoryName) => new ConsoleLogger(categoryName, _minimum);

    public void AddProvider(ILoggerProvider provider)
    {
        ArgumentNullException.ThrowIfNull(provider);
    }

    public void Dispose()
    {
    }

    private sealed class ConsoleLogger(string category, LogLevel minimum) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= minimum && logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel))
            {
                return;
            }

            var line = $"{logLevel} {category}[{eventId.Id}]: {formatter(state, exception)}";
            Console.Error.WriteLine(exception is null ? line : line + Environment.NewLine + exception);
        }
    }
}
