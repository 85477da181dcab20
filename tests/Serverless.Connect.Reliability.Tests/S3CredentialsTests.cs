using Serverless.Connect.Hosting.Kafka;
using Serverless.Connect.TestUtilities;
using Serverless.Connect.TestUtilities.FaultProxy;
using Xunit.Abstractions;

namespace Serverless.Connect.Reliability.Tests;

/// <summary>
/// Bad S3 input: a key s3rver does not know (its real 403 InvalidAccessKeyId), a wrong secret (s3rver does not verify
/// SigV4 signatures, so the proxy answers 403 SignatureDoesNotMatch as AWS does), and a bucket that does not exist.
/// </summary>
public sealed class S3CredentialsTests(ITestOutputHelper output) : IDisposable
{
    private const int Records = 200;
    private readonly string _directory = Directory.CreateTempSubdirectory("s3creds-").FullName;

    [Fact]
    public async Task UnknownAccessKey_FailsTheTask_NamingTheCodeBucketAndKey_CommitsNothing()
    {
        await using var s = await S3SinkScenario.CreateAsync(2);
        s.Settings["aws.access.key.id"] = "AKIAWRONGKEY";
        var trace = await RunToFailureAsync(s);

        Assert.Contains("403 InvalidAccessKeyId", trace, StringComparison.Ordinal);
        Assert.Contains(s.Bucket.Name, trace, StringComparison.Ordinal);
        Assert.Contains("aws.access.key.id=AKIAWRONGKEY", trace, StringComparison.Ordinal);
        await AssertNothingWrittenAsync(s);
        new FaultReport("bad-input", "S3 403 InvalidAccessKeyId (unknown aws.access.key.id)", Records * 2, 0, 0, 0, "task FAILED: " + trace.Split('\n')[0]).Write(output);
    }

    [Fact]
    public async Task WrongSecret_SignatureDoesNotMatch_FailsTheTask_NamingTheCodeAndCredentialKeys_CommitsNothing()
    {
        await using var s = await S3SinkScenario.CreateAsync(2);
        s.Settings["aws.secret.access.key"] = "not-the-secret";
        s.Proxy.Inject(ProxyFault.SignatureDoesNotMatch);
        var trace = await RunToFailureAsync(s);

        Assert.Contains("403 SignatureDoesNotMatch", trace, StringComparison.Ordinal);
        Assert.Contains(s.Bucket.Name, trace, StringComparison.Ordinal);
        Assert.Contains("aws.secret.access.key", trace, StringComparison.Ordinal);
        Assert.DoesNotContain("not-the-secret", trace, StringComparison.Ordinal);
        await AssertNothingWrittenAsync(s);
        new FaultReport("bad-input", "S3 403 SignatureDoesNotMatch (wrong aws.secret.access.key)", Records * 2, 0, 0, 0, "task FAILED: " + trace.Split('\n')[0]).Write(output);
    }

    [Fact]
    public async Task MissingBucket_FailsTheTask_NamingTheBucketAndS3BucketName_CommitsNothing()
    {
        await using var s = await S3SinkScenario.CreateAsync(2);
        var missing = s.Bucket.Name + "-missing";
        s.Settings["s3.bucket.name"] = missing;
        var trace = await RunToFailureAsync(s);

        Assert.Contains($"Non-existent S3 bucket: {missing}", trace, StringComparison.Ordinal);
        Assert.Contains("s3.bucket.name", trace, StringComparison.Ordinal);
        await AssertNothingWrittenAsync(s);
        new FaultReport("bad-input", "S3 bucket missing (NoSuchBucket)", Records * 2, 0, 0, 0, "task FAILED: " + trace.Split('\n')[0]).Write(output);
    }

    [Fact]
    public async Task UnknownAccessKey_ConnectSinkProcess_ExitsWith1_AndPrintsTheS3Error()
    {
        await using var s = await S3SinkScenario.CreateAsync(2);
        s.Settings["aws.access.key.id"] = "AKIAWRONGKEY";
        await s.ProduceAsync(0, Records);
        var (config, worker) = s.WriteFiles(_directory);

        await using var process = ConnectProcess.Start(["sink", "--config", config, "--worker", worker]);
        var exit = await process.WaitForExitAsync(TimeSpan.FromMinutes(4));

        output.WriteLine(process.StandardError);
        Assert.Equal(1, exit);
        Assert.Contains("403 InvalidAccessKeyId", process.StandardError, StringComparison.Ordinal);
        Assert.Contains("aws.access.key.id", process.StandardError, StringComparison.Ordinal);
        await AssertNothingWrittenAsync(s);
    }

    [Fact]
    public async Task NoCredentialsInTheDefaultChain_ConnectSinkProcess_ExitsWith1_NamingTheChainAndTheKey()
    {
        await using var s = await S3SinkScenario.CreateAsync(2);
        s.Settings.Remove("aws.access.key.id");
        s.Settings.Remove("aws.secret.access.key");
        await s.ProduceAsync(0, Records);
        var (config, worker) = s.WriteFiles(_directory);
        var none = Path.Combine(_directory, "none");
        // An empty chain: no variables, no shared files, no instance metadata.
        var environment = new Dictionary<string, string>
        {
            ["AWS_ACCESS_KEY_ID"] = "",
            ["AWS_SECRET_ACCESS_KEY"] = "",
            ["AWS_SESSION_TOKEN"] = "",
            ["AWS_PROFILE"] = "",
            ["AWS_SHARED_CREDENTIALS_FILE"] = none,
            ["AWS_CONFIG_FILE"] = none,
            ["AWS_EC2_METADATA_DISABLED"] = "true",
            ["HOME"] = _directory,
        };

        await using var process = ConnectProcess.Start(["sink", "--config", config, "--worker", worker], environment);
        var exit = await process.WaitForExitAsync(TimeSpan.FromMinutes(4));

        output.WriteLine(process.StandardError);
        Assert.Equal(1, exit);
        Assert.Contains("default chain", process.StandardError, StringComparison.Ordinal);
        Assert.Contains("aws.access.key.id is not set", process.StandardError, StringComparison.Ordinal);
        Assert.Contains(s.Bucket.Name, process.StandardError, StringComparison.Ordinal);
        await AssertNothingWrittenAsync(s);
        new FaultReport("bad-input", "S3 no credentials (empty AWS default chain)", Records * 2, 0, 0, 0, "exit 1").Write(output);
    }

    public void Dispose() => Directory.Delete(_directory, true);

    private async Task<string> RunToFailureAsync(S3SinkScenario s)
    {
        await s.ProduceAsync(0, Records);
        await using var host = s.CreateHost();
        var status = await host.RunAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(60));
        output.WriteLine(status.Trace?.Split('\n')[0]);
        Assert.Equal(SinkTaskState.Failed, status.State);
        return status.Trace!;
    }

    private static async Task AssertNothingWrittenAsync(S3SinkScenario s)
    {
        Assert.All(s.Committed(), c => Assert.Equal(0, c));
        Assert.Empty(await s.KeysAsync());
    }
}
