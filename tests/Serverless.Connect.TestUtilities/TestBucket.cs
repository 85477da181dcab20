using System.Runtime.CompilerServices;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;

namespace Serverless.Connect.TestUtilities;

/// <summary>A bucket of its own in s3rver for one test; emptied and deleted on dispose.</summary>
public sealed class TestBucket : IAsyncDisposable
{
    private TestBucket(string name, AmazonS3Client client)
    {
        Name = name;
        Client = client;
    }

    public string Name { get; }

    public AmazonS3Client Client { get; }

    /// <summary>An S3 client for s3rver, configured the way S3-compatible servers need with AWSSDK.S3 v4.</summary>
    public static AmazonS3Client CreateClient()
    {
        var services = LocalServices.Current;
        var config = new AmazonS3Config
        {
            ServiceURL = services.S3Endpoint.ToString(),
            ForcePathStyle = true,
            AuthenticationRegion = "us-east-1",
            // v4 of the SDK adds CRC checksums (and aws-chunked bodies) by default; S3-compatible servers reject them.
            RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED,
            ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED,
        };
        return new AmazonS3Client(new BasicAWSCredentials(services.S3AccessKey, services.S3SecretKey), config);
    }

    public static async Task<TestBucket> CreateAsync([CallerMemberName] string caller = "", CancellationToken cancellationToken = default)
    {
        var client = CreateClient();
        var name = TestNames.Unique("t", caller, '-', 63);
        await client.PutBucketAsync(new PutBucketRequest { BucketName = name }, cancellationToken);
        return new TestBucket(name, client);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            string? token = null;
            do
            {
                var page = await Client.ListObjectsV2Async(new ListObjectsV2Request { BucketName = Name, ContinuationToken = token });
                foreach (var o in page.S3Objects ?? [])
                {
                    await Client.DeleteObjectAsync(Name, o.Key);
                }

                token = page.IsTruncated == true ? page.NextContinuationToken : null;
            }
            while (token is not null);

            await Client.DeleteBucketAsync(Name);
        }
        finally
        {
            Client.Dispose();
        }
    }
}
