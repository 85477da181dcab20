using Serverless.Connect.Converters.Avro.Tests.Registry;

namespace Serverless.Connect.Converters.Avro.Tests;

/// <summary>One Schema Registry server shared by the tests of a class; tests use distinct topics.</summary>
public sealed class RegistryFixture : IAsyncLifetime
{
    private SchemaRegistryServer? _server;

    public SchemaRegistryServer Server => _server ?? throw new InvalidOperationException("Not started");

    public async Task InitializeAsync() => _server = await SchemaRegistryServer.StartAsync();

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
