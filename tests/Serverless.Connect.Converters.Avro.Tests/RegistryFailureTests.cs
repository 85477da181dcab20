using System.Net;
using System.Net.Sockets;
using Serverless.Connect.Converters.Avro.Tests.Registry;
using Serverless.Connect.Data;
using Serverless.Connect.Errors;

namespace Serverless.Connect.Converters.Avro.Tests;

/// <summary>Unreachable and failing registries, authentication and fail-over, mapped to Connect's error types.</summary>
public sealed class RegistryFailureTests
{
    // Keep the client's back-off short so that retried failures end quickly.
    private static readonly (string, string)[] _fastRetries =
    [
        ("schema.registry.retries.wait.ms", "1"),
        ("schema.registry.retries.max.wait.ms", "1"),
    ];

    [Fact]
    public void UnreachableRegistry_IsRetriable()
    {
        using var converter = TestConverters.Create(UnusedLocalUrl(), false, _fastRetries);

        var error = Assert.Throws<RetriableException>(() => converter.FromConnectData("t", Schema.StringSchema, "x"));
        Assert.True(error.IsTransient);
        Assert.Contains("Failed to serialize Avro data from topic t", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnreachableRegistry_IsRetriable_OnTheAsyncPathToo()
    {
        using var converter = TestConverters.Create(UnusedLocalUrl(), false, _fastRetries);

        await Assert.ThrowsAsync<RetriableException>(async () => await converter.ToConnectDataAsync("t", null, new byte[] { 0, 0, 0, 0, 1, 2 }, false));
    }

    [Fact]
    public async Task ServerErrors_AreRetriable_AndTheNextCallSucceedsOnceTheRegistryRecovers()
    {
        await using var server = await SchemaRegistryServer.StartAsync();
        using var converter = TestConverters.Create(server, false, _fastRetries);
        server.FailWith(503);

        Assert.Throws<RetriableException>(() => converter.FromConnectData("t", Schema.StringSchema, "x"));

        server.FailWith(0);
        Assert.NotNull(converter.FromConnectData("t", Schema.StringSchema, "x"));
    }

    [Fact]
    public async Task SecondUrl_IsUsedWhenTheFirstIsDown()
    {
        await using var server = await SchemaRegistryServer.StartAsync();
        using var converter = TestConverters.Create(UnusedLocalUrl() + "," + server.Url, false, _fastRetries);

        var back = converter.ToConnectData("t", converter.FromConnectData("t", Schema.Int32Schema, 5));

        Assert.Equal(5, back.Value);
    }

    [Fact]
    public async Task MissingCredentials_AreAConfigurationError()
    {
        await using var server = await SchemaRegistryServer.StartAsync("user:s3cret");
        using var converter = TestConverters.Create(server);

        var error = Assert.Throws<ConverterConfigException>(() => converter.FromConnectData("t", Schema.StringSchema, "x"));
        Assert.Contains("Failed to access Avro data from topic t", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UserInfoCredentials_AreSent()
    {
        await using var server = await SchemaRegistryServer.StartAsync("user:s3cret");
        using var converter = TestConverters.Create(server, false, ("basic.auth.credentials.source", "USER_INFO"), ("basic.auth.user.info", "user:s3cret"));

        Assert.Equal("x", converter.ToConnectData("t", converter.FromConnectData("t", Schema.StringSchema, "x")).Value);
    }

    [Fact]
    public async Task UrlCredentials_AreTakenFromTheUrl()
    {
        await using var server = await SchemaRegistryServer.StartAsync("user:s3cret");
        using var converter = TestConverters.Create(server.Url.Replace("http://", "http://user:s3cret@", StringComparison.Ordinal));

        Assert.Equal("x", converter.ToConnectData("t", converter.FromConnectData("t", Schema.StringSchema, "x")).Value);
    }

    [Fact]
    public async Task SchemaTheRegistryRejects_IsADataException()
    {
        await using var server = await SchemaRegistryServer.StartAsync();
        using var converter = TestConverters.Create(server);

        // scale > precision: Confluent's legacy decimal form, which strict Avro parsers (the registry here) refuse.
        var schema = DecimalSchema.Builder(5).Parameter("connect.decimal.precision", "3").Build();
        var error = Assert.Throws<DataException>(() => converter.FromConnectData("t", schema, ConnectDecimal.Parse("0.00001")));

        Assert.Contains("42201", error.Message, StringComparison.Ordinal);
    }

    private static string UnusedLocalUrl()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return $"http://127.0.0.1:{port}";
    }
}
