using Confluent.SchemaRegistry;
using RegistrySchema = Confluent.SchemaRegistry.Schema;

namespace Serverless.Connect.Converters.Avro.Tests;

/// <summary>The in-process registry speaks Confluent's REST API as Confluent's own client expects it.</summary>
public sealed class SchemaRegistryServerTests : IClassFixture<RegistryFixture>
{
    private const string V1 = """{"type":"record","name":"S","fields":[{"name":"a","type":"int"}]}""";
    private const string V2 = """{"type":"record","name":"S","fields":[{"name":"a","type":"int"},{"name":"b","type":["null","string"],"default":null}]}""";

    private readonly RegistryFixture _registry;

    public SchemaRegistryServerTests(RegistryFixture registry)
    {
        _registry = registry;
    }

    [Fact]
    public async Task SubjectsVersionsAndLookups_HaveConfluentsShapes()
    {
        using var client = new CachedSchemaRegistryClient(new SchemaRegistryConfig { Url = _registry.Server.Url });
        var subject = TestConverters.Topic() + "-value";

        var id1 = await client.RegisterSchemaAsync(subject, new RegistrySchema(V1, SchemaType.Avro));
        var id2 = await client.RegisterSchemaAsync(subject, new RegistrySchema(V2, SchemaType.Avro));
        var again = await client.RegisterSchemaAsync(subject, new RegistrySchema(V1, SchemaType.Avro));

        Assert.Equal(id1, again);
        Assert.NotEqual(id1, id2);
        Assert.Contains(subject, await client.GetAllSubjectsAsync());
        Assert.Equal([1, 2], await client.GetSubjectVersionsAsync(subject));
        var latest = await client.GetLatestSchemaAsync(subject);
        Assert.Equal((2, id2, V2), (latest.Version, latest.Id, latest.SchemaString));
        Assert.Equal(V1, (await client.GetRegisteredSchemaAsync(subject, 1, ignoreDeletedSchemas: true)).SchemaString);
        Assert.Equal(V2, (await client.GetSchemaAsync(id2)).SchemaString);
        var lookedUp = await client.LookupSchemaAsync(subject, new RegistrySchema(V2, SchemaType.Avro), ignoreDeletedSchemas: true);
        Assert.Equal((2, id2), (lookedUp.Version, lookedUp.Id));
    }

    [Fact]
    public async Task Errors_CarryConfluentsErrorCodes()
    {
        using var client = new CachedSchemaRegistryClient(new SchemaRegistryConfig { Url = _registry.Server.Url });
        var subject = TestConverters.Topic() + "-value";

        var missingSubject = await Assert.ThrowsAsync<SchemaRegistryException>(() => client.GetLatestSchemaAsync(subject));
        var missingId = await Assert.ThrowsAsync<SchemaRegistryException>(() => client.GetSchemaAsync(987654));
        var invalid = await Assert.ThrowsAsync<SchemaRegistryException>(() => client.RegisterSchemaAsync(subject, new RegistrySchema("""{"type":"record","name":"NoFields"}""", SchemaType.Avro)));
        await client.RegisterSchemaAsync(subject, new RegistrySchema(V1, SchemaType.Avro));
        var missingSchema = await Assert.ThrowsAsync<SchemaRegistryException>(() =>
            client.LookupSchemaAsync(subject, new RegistrySchema(V2, SchemaType.Avro), ignoreDeletedSchemas: true));
        var missingVersion = await Assert.ThrowsAsync<SchemaRegistryException>(() => client.GetRegisteredSchemaAsync(subject, 9, ignoreDeletedSchemas: true));

        Assert.Equal(40401, missingSubject.ErrorCode);
        Assert.Equal(40403, missingId.ErrorCode);
        Assert.Equal(42201, invalid.ErrorCode);
        Assert.Equal(40403, missingSchema.ErrorCode);
        Assert.Equal(40402, missingVersion.ErrorCode);
    }

    [Fact]
    public async Task GlobalCompatibility_CanBeReadAndChanged()
    {
        await using var server = await Registry.SchemaRegistryServer.StartAsync();
        using var client = new CachedSchemaRegistryClient(new SchemaRegistryConfig { Url = server.Url });

        Assert.Equal(Compatibility.Backward, await client.GetCompatibilityAsync());
        Assert.Equal(Compatibility.Full, await client.UpdateCompatibilityAsync(Compatibility.Full));
        Assert.Equal(Compatibility.Full, await client.GetCompatibilityAsync());
    }
}
