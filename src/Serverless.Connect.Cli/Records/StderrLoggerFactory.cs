using Microsoft.Extensions.Logging;
using Serverless.Connect.Runtime.Errors;

namespace Serverless.Connect.Cli.Records;

/// <summary>Writes warnings and errors (for example Connect's <c>errors.log.enable</c> lines) to stderr.</summary>
internal sealed class StderrLoggerFactory(TextWriter error) : ILoggerFactory
{
    public ILogger CreateLogger(string categoryName) => new StderrLogger(error);

    public void AddProvider(ILoggerProvider provider)
    {
    }

    public void Dispose()
    {
    }

    private sealed class StderrLogger(TextWriter error) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel))
            {
                return;
            }

            var level = logLevel >= LogLevel.Error ? "ERROR" : "WARN";
            var line = $"{level} {formatter(state, exception)}";
            lock (error)
            {
                error.WriteLine(exception is null ? line : line + Environment.NewLine + JavaStackTrace.Header(exception));
            }
        }
    }
}
