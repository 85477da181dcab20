using Microsoft.Extensions.Logging;

namespace Serverless.Connect.Demo.Internal;

/// <summary>
/// The connectors' logs go to a file while the live display owns the terminal (Information and above), so a failure
/// can still be read afterwards; warnings and errors are also counted for the display.
/// </summary>
internal sealed class FileLoggerFactory : ILoggerFactory
{
    private readonly StreamWriter _writer;
    private readonly Lock _lock = new();
    private readonly TimeProvider _time;
    private long _warnings;
    private long _errors;

    public FileLoggerFactory(string path, TimeProvider time)
    {
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        Path = path;
        _time = time;
        _writer = new StreamWriter(path, append: false) { AutoFlush = true };
    }

    public string Path { get; }

    public long Warnings => Interlocked.Read(ref _warnings);

    public long Errors => Interlocked.Read(ref _errors);

    public ILogger CreateLogger(string categoryName) => new FileLogger(this, categoryName);

    public void AddProvider(ILoggerProvider provider)
    {
    }

    public void Write(string line)
    {
        lock (_lock)
        {
            _writer.WriteLine(line);
        }
    }

    public void Dispose()
    {
        lock (_lock)
        {
            _writer.Dispose();
        }
    }

    private void Log(string category, LogLevel level, string message, Exception? exception)
    {
        if (level >= LogLevel.Error)
        {
            Interlocked.Increment(ref _errors);
        }
        else if (level == LogLevel.Warning)
        {
            Interlocked.Increment(ref _warnings);
        }

        var line = $"{_time.GetUtcNow():HH:mm:ss.fff} {level,-11} {category}: {message}";
        lock (_lock)
        {
            _writer.WriteLine(line);
            if (exception is not null)
            {
                _writer.WriteLine(exception.ToString());
            }
        }
    }

    private sealed class FileLogger(FileLoggerFactory owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                owner.Log(category, logLevel, formatter(state, exception), exception);
            }
        }
    }
}
