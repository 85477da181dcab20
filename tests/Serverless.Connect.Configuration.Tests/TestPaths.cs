namespace Serverless.Connect.Configuration.Tests;

/// <summary>Locates the copied test data.</summary>
internal static class TestPaths
{
    public static string Data(params string[] parts) => Path.Combine([AppContext.BaseDirectory, "TestData", .. parts]);

    public static string Seed(string file) => Data("seed", file);
}
