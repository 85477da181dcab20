using System.Security.Cryptography;
using Serverless.Connect.TestUtilities;

namespace Serverless.Connect.IntegrationTests.Smoke;

public sealed class AzuriteBlobSmokeTests
{
    [Fact]
    public async Task Blob_round_trips()
    {
        await using var container = await TestBlobContainer.CreateAsync();
        var body = RandomNumberGenerator.GetBytes(50_000);
        var blob = container.Client.GetBlobClient("dir/blob.bin");
        await blob.UploadAsync(new BinaryData(body));

        var downloaded = await blob.DownloadContentAsync();
        Assert.Equal(body, downloaded.Value.Content.ToArray());
    }
}
