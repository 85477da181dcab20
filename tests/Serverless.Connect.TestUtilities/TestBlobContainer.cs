using System.Runtime.CompilerServices;
using Azure.Storage.Blobs;

namespace Serverless.Connect.TestUtilities;

/// <summary>A blob container of its own in Azurite for one test; deleted on dispose.</summary>
public sealed class TestBlobContainer : IAsyncDisposable
{
    private TestBlobContainer(BlobContainerClient client) => Client = client;

    public BlobContainerClient Client { get; }

    public static async Task<TestBlobContainer> CreateAsync([CallerMemberName] string caller = "", CancellationToken cancellationToken = default)
    {
        var service = new BlobServiceClient(LocalServices.Current.AzuriteConnectionString);
        var container = service.GetBlobContainerClient(TestNames.Unique("t", caller, '-', 63));
        await container.CreateAsync(cancellationToken: cancellationToken);
        return new TestBlobContainer(container);
    }

    public async ValueTask DisposeAsync() => await Client.DeleteIfExistsAsync();
}
