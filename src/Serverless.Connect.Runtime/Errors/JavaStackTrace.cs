using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Serverless.Connect.Runtime.Errors;

/// <summary>Renders an exception the way Java's <c>Throwable.printStackTrace</c> does (Connect's <c>__connect.errors.exception.stacktrace</c>).</summary>
public static class JavaStackTrace
{
    /// <summary>Formats the exception and its causes: <c>class: message</c>, one <c>\tat frame</c> line per frame, then <c>Caused by: …</c>.</summary>
    /// <param name="error">The exception.</param>
    /// <returns>The text, with Java's line separators (<c>\n</c>).</returns>
    public static string Format(Exception error)
    {
        ArgumentNullException.ThrowIfNull(error);
        var builder = new StringBuilder();
        var seen = new HashSet<Exception>(ReferenceEqualityComparer.Instance);
        var first = true;
        for (var current = error; current is not null && seen.Add(current); current = current.InnerException)
        {
            if (!first)
            {
                builder.Append("Caused by: ");
            }

            first = false;
            builder.Append(Header(current)).Append('\n');
            AppendFrames(builder, current);
        }

        return builder.ToString();
    }

    /// <summary>Java's <c>Throwable.toString()</c>: the class name, then <c>": " + message</c> when there is a message.</summary>
    /// <param name="error">The exception.</param>
    /// <returns>The text.</returns>
    public static string Header(Exception error)
    {
        ArgumentNullException.ThrowIfNull(error);
        var name = JavaExceptionNames.Of(error);
        return string.IsNullOrEmpty(error.Message) ? name : name + ": " + error.Message;
    }

    private static void AppendFrames(StringBuilder builder, Exception error)
    {
        var frames = new StackTrace(error, fNeedFileInfo: true).GetFrames();
        foreach (var frame in frames)
        {
            var method = frame.GetMethod();
            if (method is null)
            {
                continue;
            }

            builder.Append("\tat ").Append(method.DeclaringType?.FullName ?? "<unknown>").Append('.').Append(method.Name).Append('(');
            var file = frame.GetFileName();
            if (file is null)
            {
                builder.Append("Unknown Source");
            }
            else
            {
                builder.Append(Path.GetFileName(file)).Append(':').Append(frame.GetFileLineNumber().ToString(CultureInfo.InvariantCulture));
            }

            builder.Append(")\n");
        }
    }
}
