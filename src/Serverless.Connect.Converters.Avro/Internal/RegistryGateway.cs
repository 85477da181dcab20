using Confluent.SchemaRegistry;
using RegistrySchema = Confluent.SchemaRegistry.Schema;
using RegistrySchemaType = Confluent.SchemaRegistry.SchemaType;

namespace Serverless.Connect.Converters.Avro.Internal;

/// <summary>The Schema Registry calls the converter makes, through Confluent's client (which adds its own caching and retries).</summary>
internal sealed class RegistryGateway
{
    private readonly ISchemaRegistryClient _client;
    private readonly bool _normalize;

    public RegistryGateway(ISchemaRegistryClient client, bool normalize)
    {
        _client = client;
        _normalize = normalize;
    }

    /// <summary>Registers the schema under the subject (POST /subjects/{subject}/versions) and returns its id.</summary>
    public Task<int> RegisterAsync(string subject, string json) =>
        _client.RegisterSchemaAsync(subject, new RegistrySchema(json, RegistrySchemaType.Avro), _normalize);

    /// <summary>Looks up the id of a schema already registered under the subject (POST /subjects/{subject}).</summary>
    public Task<int> LookupIdAsync(string subject, string json) =>
        _client.GetSchemaIdAsync(subject, new RegistrySchema(json, RegistrySchemaType.Avro), _normalize);

    /// <summary>Gets the latest version of the subject (GET /subjects/{subject}/versions/latest).</summary>
    public async Task<RegisteredSchema> LatestAsync(string subject)
    {
        var latest = await _client.GetLatestSchemaAsync(subject).ConfigureAwait(false);
        CheckAvro(latest.SchemaType, $"latest version of subject {subject}");
        return latest;
    }

    /// <summary>Gets a schema by its global id (GET /schemas/ids/{id}).</summary>
    public async Task<string> SchemaByIdAsync(int id)
    {
        var schema = await _client.GetSchemaAsync(id).ConfigureAwait(false);
        CheckAvro(schema.SchemaType, $"schema {id}");
        return schema.SchemaString;
    }

    /// <summary>Finds the version under which the schema is registered in the subject (POST /subjects/{subject}).</summary>
    public async Task<int> VersionAsync(string subject, string json)
    {
        var registered = await _client.LookupSchemaAsync(subject, new RegistrySchema(json, RegistrySchemaType.Avro), ignoreDeletedSchemas: false, _normalize)
            .ConfigureAwait(false);
        return registered.Version;
    }

    private static void CheckAvro(RegistrySchemaType type, string what)
    {
        if (type != RegistrySchemaType.Avro)
        {
            throw new Serverless.Connect.Errors.DataException($"The registry's {what} is a {type} schema, not Avro");
        }
    }
}
