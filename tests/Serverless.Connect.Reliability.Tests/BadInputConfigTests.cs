using Serverless.Connect.TestUtilities;
using Xunit.Abstractions;

namespace Serverless.Connect.Reliability.Tests;

/// <summary>
/// A connector file with three problems given to the real <c>./connect</c>: <c>sink</c> and <c>cdc</c> refuse to start
/// (exit 2) and <c>validate</c> exits 1 (its documented "invalid"), each printing one line per problem naming its key.
/// The single-problem cases and the message texts are covered by <c>Cli.Tests/ValidateCommandTests</c>.
/// </summary>
public sealed class BadInputConfigTests(ITestOutputHelper output) : IDisposable
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("bad-config-");

    public static TheoryData<string, string, string[]> Cases => new()
    {
        {
            "sink",
            """
            name=es-bad
            connector.class=io.confluent.connect.elasticsearch.ElasticsearchSinkConnector
            topics=orders
            batch.size=lots
            errors.tolerance=maybe
            """,
            ["connection.url", "batch.size", "errors.tolerance"]
        },
        {
            "cdc",
            """
            name=pg-bad
            connector.class=io.debezium.connector.postgresql.PostgresConnector
            database.hostname=127.0.0.1
            database.port=notaport
            database.user=postgres
            database.dbname=shop
            topic.prefix=srv
            snapshot.mode=sometimes
            errors.tolerance=maybe
            """,
            ["database.port", "snapshot.mode", "errors.tolerance"]
        },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task BadInput_ConfigWithThreeProblems_IsRefusedWithOneLinePerProblem_NamingEachKey(string verb, string properties, string[] keys)
    {
        var file = Path.Combine(_directory.FullName, verb + ".properties");
        await File.WriteAllTextAsync(file, properties);

        var (exit, _, stderr) = await ConnectProcess.RunAsync([verb, "--config", file], timeout: TimeSpan.FromMinutes(5));
        var (validateExit, validateStdout, _) = await ConnectProcess.RunAsync(["validate", "--config", file], timeout: TimeSpan.FromMinutes(5));

        output.WriteLine(stderr);
        var lines = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var problems = lines.Where(l => keys.Any(k => l.StartsWith(k + ": ", StringComparison.Ordinal))).ToList();
        new FaultReport("bad-input", $"./connect {verb} with 3 config problems", 0, 0, 0, 0,
            $"exit {exit}; {problems.Count} problem lines; validate exit {validateExit}").Write(output);
        Assert.Equal(2, exit);
        Assert.Contains($"connect {verb}: {file}: 3 problem(s), not started:", lines);
        Assert.All(keys, key => Assert.Single(problems, l => l.StartsWith(key + ": ", StringComparison.Ordinal)));
        Assert.DoesNotContain(lines, l => l.Contains("Unhandled exception", StringComparison.Ordinal));
        Assert.Equal(1, validateExit);
        var validateLines = validateStdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal(problems.Order(), validateLines.Order());
    }

    public void Dispose() => _directory.Delete(true);
}
