namespace Serverless.Connect.TestUtilities;

/// <summary>Locates the repository root (the folder holding Serverless.Connect.sln) from a test's output folder.</summary>
public static class RepositoryPaths
{
    private static readonly Lazy<string> s_root = new(FindRoot);

    public static string Root => s_root.Value;

    public static string ConnectScript => Path.Combine(Root, "connect");

    public static string ServicesScript => Path.Combine(Root, "infra", "local", "services.sh");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Serverless.Connect.sln")))
            {
                return dir.FullName;
            }
        }

        var built = typeof(RepositoryPaths).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyMetadataAttribute), false)
            .Cast<System.Reflection.AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "RepositoryRoot")?.Value;
        if (built is not null && File.Exists(Path.Combine(built, "Serverless.Connect.sln")))
        {
            return Path.TrimEndingDirectorySeparator(built);
        }

        throw new InvalidOperationException($"Serverless.Connect.sln not found above {AppContext.BaseDirectory}.");
    }
}
