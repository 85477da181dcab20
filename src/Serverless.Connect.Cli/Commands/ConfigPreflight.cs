using Serverless.Connect.Configuration;

namespace Serverless.Connect.Cli.Commands;

/// <summary>
/// Checks a connector file as <c>./connect validate</c> does before <c>sink</c> or <c>cdc</c> starts anything, so a
/// broken config reports every problem at once, one line each naming its key, instead of the first one the runtime
/// happens to parse (exit 2, like any configuration error).
/// </summary>
internal static class ConfigPreflight
{
    private const string ValidatePrefix = "connect validate: ";

    /// <summary>Returns true when the file is valid; otherwise writes its problems to <paramref name="error"/>.</summary>
    /// <param name="verb">The verb, for the messages.</param>
    /// <param name="configPath">The connector file or directory.</param>
    /// <param name="connectors">Which connectors of the file the verb runs (others are not its business); all when null.</param>
    /// <param name="error">Where problems are written.</param>
    /// <param name="cancellationToken">Cancels the writes.</param>
    public static async Task<bool> CheckAsync(
        string verb, string configPath, Func<ConnectorConfig, bool>? connectors, TextWriter error, CancellationToken cancellationToken)
    {
        using var problems = new StringWriter();
        using var notes = new StringWriter();
        if (await ValidateCommand.RunAsync(configPath, connectors, problems, notes, cancellationToken).ConfigureAwait(false) == 0)
        {
            return true;
        }

        var lines = Lines(problems);
        if (lines.Length == 0)
        {
            // Nothing to list (the file is missing): validate's own message, under this verb's name.
            foreach (var note in Lines(notes).Where(n => n.StartsWith(ValidatePrefix, StringComparison.Ordinal)))
            {
                await error.WriteLineAsync($"connect {verb}: {note[ValidatePrefix.Length..]}".AsMemory(), cancellationToken).ConfigureAwait(false);
            }

            return false;
        }

        await error.WriteLineAsync($"connect {verb}: {configPath}: {lines.Length} problem(s), not started:".AsMemory(), cancellationToken).ConfigureAwait(false);
        foreach (var line in lines)
        {
            await error.WriteLineAsync(line.AsMemory(), cancellationToken).ConfigureAwait(false);
        }

        return false;
    }

    private static string[] Lines(StringWriter writer) =>
        writer.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
