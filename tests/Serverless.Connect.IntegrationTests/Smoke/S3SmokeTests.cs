using System.Security.Cryptography;
using Amazon.S3.Model;
using Serverless.Connect.TestUtilities;

namespace Serverless.Connect.IntegrationTests.Smoke;

public sealed class S3SmokeTests
{
    [Fact]
    public async Task Object_round_trips()
    {
        await using var bucket = await TestBucket.CreateAsync();
        var body = RandomNumberGenerator.GetBytes(10_000);
        await bucket.Client.PutObjectAsync(new PutObjectRequest
        {
            BucketName = bucket.Name,
            Key = "a/b.bin",
            InputStream = new MemoryStream(body),
            UseChunkEncoding = false,
        });

        Assert.Equal(body, await ReadAsync(bucket, "a/b.bin"));
    }

    [Fact]
    public async Task Multipart_upload_with_parts_that_are_not_chunk_encoded_round_trips()
    {
        await using var bucket = await TestBucket.CreateAsync();
        const int PartSize = 5 * 1024 * 1024;
        var parts = new[] { RandomNumberGenerator.GetBytes(PartSize), RandomNumberGenerator.GetBytes(PartSize), RandomNumberGenerator.GetBytes(123_457) };
        var start = await bucket.Client.InitiateMultipartUploadAsync(new InitiateMultipartUploadRequest { BucketName = bucket.Name, Key = "big.bin" });

        var etags = new List<PartETag>();
        for (var i = 0; i < parts.Length; i++)
        {
            var response = await bucket.Client.UploadPartAsync(new UploadPartRequest
            {
                BucketName = bucket.Name,
                Key = "big.bin",
                UploadId = start.UploadId,
                PartNumber = i + 1,
                InputStream = new MemoryStream(parts[i]),
                PartSize = parts[i].Length,
                // aws-chunked framing would be stored verbatim by S3-compatible servers and corrupt the object.
                UseChunkEncoding = false,
            });
            etags.Add(new PartETag(i + 1, response.ETag));
        }

        await bucket.Client.CompleteMultipartUploadAsync(new CompleteMultipartUploadRequest
        {
            BucketName = bucket.Name,
            Key = "big.bin",
            UploadId = start.UploadId,
            PartETags = etags,
        });

        var expected = parts.SelectMany(p => p).ToArray();
        var actual = await ReadAsync(bucket, "big.bin");
        Assert.Equal(expected.Length, actual.Length);
        Assert.True(expected.AsSpan().SequenceEqual(actual), "multipart object content differs from the uploaded parts");
    }

    private static async Task<byte[]> ReadAsync(TestBucket bucket, string key)
    {
        using var response = await bucket.Client.GetObjectAsync(bucket.Name, key);
        using var buffer = new MemoryStream();
        await response.ResponseStream.CopyToAsync(buffer);
        return buffer.ToArray();
    }
}
