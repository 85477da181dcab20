using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;

using Serverless.Connect.DevServices;

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
        // ListObjects (v1) with markers: s3rver fails continuation tokens of ListObjectsV2 past the first page.
        var result = new List<S3Object>();
        var request = new ListObjectsRequest { BucketName = Name };
        while (true)
        {
            var response = await _client.ListObjectsAsync(request, cancellationToken);
            var page = response.S3Objects ?? [];
            result.AddRange(page);
            if (response.IsTruncated != true || page.Count == 0)
            {
                return result;
            }

            request.Marker = response.NextMarker ?? page[^1].Key;
        }
    }

    public void Dispose() => _client.Dispose();
}
