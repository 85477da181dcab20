using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace Serverless.Connect.CdcReader.Internal;

/// <summary>
/// A minimal stderr logger, so the container logs without pulling in the full logging stack. <c>CDC_LOG_FORMAT=json</c>
/// writes one JSON object per line (timestamp, level, category, event id, message, the message's named values, exception)
/// for log collectors; anything else writes plain text.
/// </summary>
internal sealed class ConsoleLoggerFactory : ILoggerFactory
{
    private readonly LogLevel _minimum;
    private readonly bool _json;

    private ConsoleLoggerFactory(LogLevel minimum, bool json)
    {
        _minimum = minimum;
        _json = json;
    }

    public static ConsoleLoggerFactory Create() =>
        new(
            Enum.TryParse<LogLevel>(Environment.GetEnvironmentVariable("CDC_LOG_LEVEL"), ignoreCase: true, out var level) ? level : LogLevel.Information,
            string.Equals(Environment.GetEnvironmentVariable("CDC_LOG_FORMAT"), "json", StringComparison.OrdinalIgnoreCase));

    public ILogger CreateLogger(string categoryName) => new ConsoleLogger(categoryName, _minimum, _json);

    public void AddProvider(ILoggerProvider provider)
    {
        ArgumentNullException.ThrowIfNull(provider);
    }

    public void Dispose()
    {
    }

    private sealed class ConsoleLogger(string category, LogLevel minimum, bool json) : ILogger
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

            if (json)
            {
                Console.Error.WriteLine(JsonLine(logLevel, eventId, state, formatter(state, exception), exception));
                return;
            }

            var line = $"{logLevel} {category}[{eventId.Id}]: {formatter(state, exception)}";
            Console.Error.WriteLine(exception is null ? line : line + Environment.NewLine + exception);
        }

        private string JsonLine<TState>(LogLevel logLevel, EventId eventId, TState state, string message, Exception? exception)
        {
            using var buffer = new MemoryStream();
            using (var writer = new Utf8JsonWriter(buffer))
            {
                writer.WriteStartObject();
                writer.WriteString("timestamp", DateTimeOffset.UtcNow);
                writer.WriteString("level", logLevel.ToString());
                writer.WriteString("category", category);
                writer.WriteNumber("eventId", eventId.Id);
                if (eventId.Name is { } name)
                {
                    writer.WriteString("event", name);
                }

                writer.WriteString("message", message);
                if (state is IReadOnlyList<KeyValuePair<string, object?>> values)
                {
                    foreach (var (key, value) in values)
                    {
                        if (key != "{OriginalFormat}" && key is not ("timestamp" or "level" or "category" or "eventId" or "event" or "message" or "exception"))
                        {
                            writer.WriteString(key, Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture));
                        }
                    }
                }

                if (exception is not null)
                {
                    writer.WriteString("exception", exception.ToString());
                }

                writer.WriteEndObject();
            }

            return System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
        }
    }
}
