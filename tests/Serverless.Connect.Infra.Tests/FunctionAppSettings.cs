using System.Text.RegularExpressions;
using Serverless.Connect.TestUtilities;

namespace Serverless.Connect.Infra.Tests;

/// <summary>The app settings the generated functions/*/function.json files reference as <c>%NAME%</c>.</summary>
internal static partial class FunctionAppSettings
{
    public static HashSet<string> Referenced() =>
        Directory.EnumerateDirectories(Path.Combine(RepositoryPaths.Root, "functions"))
            .Select(d => Path.Combine(d, "function.json"))
            .Where(File.Exists)
            .SelectMany(f => Setting().Matches(File.ReadAllText(f)).Select(m => m.Groups[1].Value))
            .ToHashSet(StringComparer.Ordinal);

    [GeneratedRegex("%([A-Za-z0-9_]+)%", RegexOptions.CultureInvariant)]
    private static partial Regex Setting();
}
