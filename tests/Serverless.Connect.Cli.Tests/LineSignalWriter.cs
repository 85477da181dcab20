namespace Serverless.Connect.Cli.Tests;

/// <summary>A StringWriter that runs a callback once a given number of lines were written, so a test can stop a command then.</summary>
internal sealed class LineSignalWriter(int lines, Action reached) : StringWriter
{
    private int _lines;

    public override async Task WriteAsync(ReadOnlyMemory<char> buffer, CancellationToken cancellationToken = default)
    {
        await base.WriteAsync(buffer, cancellationToken);
        _lines += buffer.Span.Count('\n');
        if (_lines >= lines)
        {
            reached();
        }
    }
}
