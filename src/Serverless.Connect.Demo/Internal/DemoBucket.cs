using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;

namespace Serverless.Connect.Demo.Internal;

/// <summary>The run's bucket on the local S3 server (s3rver): created up front (the sink needs it), listed for the summary.</summary>
internal sealed class DemoBucket : IDisposable
{
    private readonly AmazonS3Client _client;

    public DemoBucket(ServicesEnvironment services, string name)
    {
        Name = name;
        _client = new AmazonS3Client(
            new BasicAWSCredentials(services.S3AccessKey, services.S3SecretKey),
            new AmazonS3Config
            {
                ServiceURL = services.S3Endpoint.ToString(),
                ForcePathStyle = true,
                AuthenticationRegion = "us-east-1",
                RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED,
                ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED,
            });
    }

    public string Name { get; }

    public Task CreateAsync(CancellationToken cancellationToken) =>
        _client.PutBucketAsync(new PutBucketRequest { BucketName = Name }, cancellationToken);

    public async Task<IReadOnlyList<S3Object>> ListAsync(CancellationToken cancellationToken)
    {
        var result = new List<S3Object>();
        var request = new ListObjectsV2Request { BucketName = Name };
        while (true)
        {
            var response = await _client.ListObjectsV2Async(request, cancellationToken);
            result.AddRange(response.S3Objects ?? []);
            if (response.IsTruncated != true)
            {
                return result;
            }

            request.ContinuationToken = response.NextContinuationToken;
        }
    }

    public void Dispose() => _client.Dispose();
}
