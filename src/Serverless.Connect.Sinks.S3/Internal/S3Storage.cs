using System.Net;
using Amazon;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using Serverless.Connect.Errors;

namespace Serverless.Connect.Sinks.S3.Internal;

/// <summary>
/// The S3 calls the sink makes, configured so that S3-compatible servers accept them: no aws-chunked bodies
/// (<c>UseChunkEncoding=false</c> on every PutObject and UploadPart) and checksums only when required.
/// </summary>
internal sealed class S3Storage : IDisposable
{
    private readonly S3SinkOptions _options;
    private readonly bool _ownsClient;

    public S3Storage(S3SinkOptions options, IAmazonS3? client = null)
    {
        _options = options;
        _ownsClient = client is null;
        Client = client ?? CreateClient(options);
    }

    public IAmazonS3 Client { get; }

    public string Bucket => _options.BucketName;

    public static AmazonS3Client CreateClient(S3SinkOptions options)
    {
        var config = new AmazonS3Config
        {
            ForcePathStyle = options.PathStyleAccess,
            UseAccelerateEndpoint = options.WanMode,
            MaxErrorRetry = Math.Max(0, options.PartRetries - 1),
            RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED,
            ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED,
        };
        if (options.StoreUrl is { } url)
        {
            config.ServiceURL = url.ToString();
            config.AuthenticationRegion = options.Region;
        }
        else
        {
            config.RegionEndpoint = RegionEndpoint.GetBySystemName(options.Region);
        }

        // Without static keys the SDK's default chain applies (environment variables first in AWSSDK v4).
        return options.AccessKeyId.Length > 0
            ? new AmazonS3Client(new BasicAWSCredentials(options.AccessKeyId, options.SecretAccessKey), config)
            : new AmazonS3Client(config);
    }

    public async Task EnsureBucketAsync(CancellationToken cancellationToken)
    {
        try
        {
            await Client.GetBucketLocationAsync(new GetBucketLocationRequest { BucketName = Bucket }, cancellationToken).ConfigureAwait(false);
        }
        catch (AmazonS3Exception e) when (e.StatusCode == HttpStatusCode.NotFound)
        {
            throw new ConnectException($"Non-existent S3 bucket: {Bucket} ({S3SinkConfig.BucketName}; S3 answered 404 {e.ErrorCode})", e);
        }
        catch (Exception e) when (IsTransient(e, cancellationToken))
        {
            throw new RetriableException($"S3 bucket {Bucket} could not be reached: {Describe(e)}", e);
        }
        catch (AmazonClientException e) when (IsCredentialFailure(e))
        {
            throw new ConnectException($"S3 check of bucket {Bucket} failed: no AWS credentials ({CredentialSource}): {e.Message}", e);
        }
        catch (AmazonServiceException e)
        {
            throw Refused($"check of bucket {Bucket}", e);
        }
    }

    public async Task<string?> PutAsync(string key, Stream content, CancellationToken cancellationToken)
    {
        var request = new PutObjectRequest
        {
            BucketName = Bucket,
            Key = key,
            InputStream = content,
            AutoCloseStream = false,
            UseChunkEncoding = false,
        };
        ApplyEncryption(request);
        var response = await Call($"PUT {key}", () => Client.PutObjectAsync(request, cancellationToken), cancellationToken).ConfigureAwait(false);
        return response.ETag;
    }

    public async Task<string> InitiateAsync(string key, CancellationToken cancellationToken)
    {
        var request = new InitiateMultipartUploadRequest { BucketName = Bucket, Key = key };
        if (_options.SseAlgorithm.Length > 0)
        {
            request.ServerSideEncryptionMethod = new ServerSideEncryptionMethod(_options.SseAlgorithm);
            if (_options.SseKmsKeyId.Length > 0)
            {
                request.ServerSideEncryptionKeyManagementServiceKeyId = _options.SseKmsKeyId;
            }
        }

        if (_options.CannedAcl is { } acl)
        {
            request.CannedACL = new S3CannedACL(acl);
        }

        var response = await Call($"initiate upload of {key}", () => Client.InitiateMultipartUploadAsync(request, cancellationToken), cancellationToken)
            .ConfigureAwait(false);
        return response.UploadId;
    }

    public async Task<PartETag> UploadPartAsync(string key, string uploadId, int partNumber, Stream content, CancellationToken cancellationToken)
    {
        var request = new UploadPartRequest
        {
            BucketName = Bucket,
            Key = key,
            UploadId = uploadId,
            PartNumber = partNumber,
            InputStream = content,
            PartSize = content.Length,
            UseChunkEncoding = false,
        };
        var response = await Call($"upload part {partNumber} of {key}", () => Client.UploadPartAsync(request, cancellationToken), cancellationToken)
            .ConfigureAwait(false);
        return new PartETag(partNumber, response.ETag);
    }

    public Task CompleteAsync(string key, string uploadId, List<PartETag> parts, CancellationToken cancellationToken)
    {
        var request = new CompleteMultipartUploadRequest { BucketName = Bucket, Key = key, UploadId = uploadId, PartETags = parts };
        return Call($"complete upload of {key}", () => Client.CompleteMultipartUploadAsync(request, cancellationToken), cancellationToken);
    }

    /// <summary>
    /// Whether a completion whose answer was lost took effect: the object exists with the uploaded size and is not older
    /// than the upload (S3 dates a multipart object at its initiation; the server's clock decides, hence the slack).
    /// </summary>
    public async Task<bool> WasCompletedAsync(string key, long size, DateTimeOffset initiated, CancellationToken cancellationToken)
    {
        try
        {
            var head = await Client.GetObjectMetadataAsync(new GetObjectMetadataRequest { BucketName = Bucket, Key = key }, cancellationToken)
                .ConfigureAwait(false);
            return head.ContentLength == size && head.LastModified is { } modified && modified >= initiated.UtcDateTime.AddMinutes(-5);
        }
        catch (AmazonS3Exception e) when (e.StatusCode == HttpStatusCode.NotFound)
        {
            return false;
        }
        catch (Exception e) when (IsTransient(e, cancellationToken))
        {
            throw new RetriableException($"S3 HEAD {key} failed: {Describe(e)}", e);
        }
    }

    public async Task AbortAsync(string key, string uploadId)
    {
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await Client.AbortMultipartUploadAsync(new AbortMultipartUploadRequest { BucketName = Bucket, Key = key, UploadId = uploadId }, timeout.Token)
                .ConfigureAwait(false);
        }
        catch (Exception e) when (e is AmazonServiceException or HttpRequestException or IOException or OperationCanceledException)
        {
            // Best effort: an upload that is never completed is invisible; a bucket lifecycle rule reclaims its parts.
        }
    }

    /// <summary>Reads an object; returns null when it does not exist, or <c>Unchanged</c> when its ETag is <paramref name="ifNoneMatch"/>.</summary>
    /// <remarks>A HEAD decides "unchanged": the SDK cannot validate the empty body of a 304 against the ETag.</remarks>
    public async Task<(byte[]? Content, string? ETag, bool Unchanged)> GetAsync(string key, string? ifNoneMatch, CancellationToken cancellationToken)
    {
        try
        {
            if (ifNoneMatch is not null)
            {
                var head = await Client.GetObjectMetadataAsync(new GetObjectMetadataRequest { BucketName = Bucket, Key = key }, cancellationToken)
                    .ConfigureAwait(false);
                if (string.Equals(head.ETag, ifNoneMatch, StringComparison.Ordinal))
                {
                    return (null, ifNoneMatch, true);
                }
            }

            using var response = await Client.GetObjectAsync(new GetObjectRequest { BucketName = Bucket, Key = key }, cancellationToken).ConfigureAwait(false);
            using var memory = new MemoryStream();
            await response.ResponseStream.CopyToAsync(memory, cancellationToken).ConfigureAwait(false);
            return (memory.ToArray(), response.ETag, false);
        }
        catch (AmazonS3Exception e) when (e.StatusCode == HttpStatusCode.NotFound)
        {
            return (null, null, false);
        }
        catch (Exception e) when (IsTransient(e, cancellationToken))
        {
            throw new RetriableException($"S3 GET {key} failed: {Describe(e)}", e);
        }
    }

    public Task DeleteAsync(string key, CancellationToken cancellationToken) =>
        Call($"DELETE {key}", () => Client.DeleteObjectAsync(new DeleteObjectRequest { BucketName = Bucket, Key = key }, cancellationToken), cancellationToken);

    public async Task<List<string>> ListAsync(string prefix, CancellationToken cancellationToken)
    {
        var keys = new List<string>();
        string? token = null;
        do
        {
            var page = await Call($"LIST {prefix}", () => Client.ListObjectsV2Async(
                new ListObjectsV2Request { BucketName = Bucket, Prefix = prefix, ContinuationToken = token }, cancellationToken), cancellationToken).ConfigureAwait(false);
            keys.AddRange((page.S3Objects ?? []).Select(o => o.Key));
            token = page.IsTruncated == true ? page.NextContinuationToken : null;
        }
        while (token is not null);
        return keys;
    }

    public void Dispose()
    {
        if (_ownsClient)
        {
            Client.Dispose();
        }
    }

    private void ApplyEncryption(PutObjectRequest request)
    {
        if (_options.SseAlgorithm.Length > 0)
        {
            request.ServerSideEncryptionMethod = new ServerSideEncryptionMethod(_options.SseAlgorithm);
            if (_options.SseKmsKeyId.Length > 0)
            {
                request.ServerSideEncryptionKeyManagementServiceKeyId = _options.SseKmsKeyId;
            }
        }

        if (_options.CannedAcl is { } acl)
        {
            request.CannedACL = new S3CannedACL(acl);
        }
    }

    private async Task<T> Call<T>(string what, Func<Task<T>> call, CancellationToken cancellationToken)
    {
        try
        {
            return await call().ConfigureAwait(false);
        }
        catch (Exception e) when (IsTransient(e, cancellationToken))
        {
            throw new RetriableException($"S3 {what} failed: {Describe(e)}", e);
        }
        catch (AmazonClientException e) when (IsCredentialFailure(e))
        {
            throw new ConnectException($"S3 {what} in bucket {Bucket} failed: no AWS credentials ({CredentialSource}): {e.Message}", e);
        }
        catch (AmazonServiceException e)
        {
            throw Refused($"{what} in bucket {Bucket}", e);
        }
    }

    private string CredentialSource => _options.AccessKeyId.Length > 0
        ? $"credentials from {S3SinkConfig.AccessKeyId}={_options.AccessKeyId} and {S3SinkConfig.SecretAccessKey}; check them and the bucket policy"
        : $"credentials from the AWS SDK default chain (AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, AWS_PROFILE, web identity, container or instance role), since {S3SinkConfig.AccessKeyId} is not set";

    // No credentials could be resolved (empty default chain, unknown profile): no retry helps.
    private static bool IsCredentialFailure(Exception e) =>
        e is AmazonClientException && e.Message.Contains("credential", StringComparison.OrdinalIgnoreCase);

    private static string Describe(Exception e) =>
        e is AmazonServiceException { StatusCode: > 0 } s ? $"{(int)s.StatusCode} {s.ErrorCode}: {s.Message}" : e.Message;

    /// <summary>A non-retriable S3 answer, naming the error code and, for refused credentials, where they came from.</summary>
    private ConnectException Refused(string what, AmazonServiceException e)
    {
        var message = $"S3 {what} failed: {(int)e.StatusCode} {e.ErrorCode}: {e.Message}";
        if (e.StatusCode == HttpStatusCode.NotFound && e.ErrorCode == "NoSuchBucket")
        {
            message += $" (Non-existent S3 bucket: {Bucket}; check {S3SinkConfig.BucketName})";
        }
        else if (e.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.Unauthorized)
        {
            message += $" ({CredentialSource})";
        }

        return new ConnectException(message, e);
    }

    private static bool IsTransient(Exception e, CancellationToken cancellationToken) => e switch
    {
        _ when IsCredentialFailure(e) => false,
        AmazonServiceException s => (int)s.StatusCode >= 500 || (int)s.StatusCode == 429 || s.ErrorCode is "SlowDown" or "RequestTimeout"
            || s.InnerException is HttpRequestException or IOException,
        HttpRequestException or IOException => true,
        OperationCanceledException => !cancellationToken.IsCancellationRequested,

        // Client-side failures (a body that does not match its checksum, a dropped connection) are worth a retry.
        AmazonClientException => true,
        _ => false,
    };
}
