using Serverless.Connect.TestUtilities;

namespace Serverless.Connect.Infra.Tests;

/// <summary>examples/connectors stays the seed: files that also exist as CLI test data are identical.</summary>
public sealed class SeedConnectorsTests
{
    [Fact]
    public void Example_connectors_equal_the_seed_copies_used_by_the_cli_tests()
    {
        var testData = Path.Combine(RepositoryPaths.Root, "tests", "Serverless.Connect.Cli.Tests", "TestData", "seed");
        var shared = Directory.EnumerateFiles(InfraPaths.SeedConnectors, "*.yaml")
            .Where(f => File.Exists(Path.Combine(testData, Path.GetFileName(f))))
            .ToList();
        Assert.Equal(4, shared.Count);
        foreach (var file in shared)
        {
            Assert.True(
                File.ReadAllText(file) == File.ReadAllText(Path.Combine(testData, Path.GetFileName(file))),
                $"{Path.GetFileName(file)} differs from its copy in {testData}");
        }
    }
}
