using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Serverless.Connect.Converters.Avro.Tests.Registry;

/// <summary>
/// A Schema Registry REST server on 127.0.0.1 (random port) implementing the endpoints Confluent's clients call, with
/// Confluent's JSON shapes and error codes. It records every request so tests can assert which calls were made.
/// </summary>
public sealed class SchemaRegistryServer : IAsyncDisposable
{
    private const string ContentType = "application/vnd.schemaregistry.v1+json";

    private readonly WebApplication _app;
    private readonly string? _requiredAuthorization;
    private readonly ConcurrentQueue<string> _requests = new();
    private volatile int _failWithStatus;

    private SchemaRegistryServer(WebApplication app, string? userInfo)
    {
        _app = app;
        _requiredAuthorization = userInfo is null ? null : "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(userInfo));
    }

    /// <summary>Gets the base URL, e.g. <c>http://127.0.0.1:41234</c>.</summary>
    public string Url { get; private set; } = string.Empty;

    /// <summary>Gets the requests received so far as <c>METHOD /path?query</c>.</summary>
    public IReadOnlyList<string> Requests => [.. _requests];

    internal RegistryStore Store { get; } = new();

    /// <summary>Starts a server; with <paramref name="userInfo"/> (<c>user:password</c>) every request needs that basic auth.</summary>
    public static async Task<SchemaRegistryServer> StartAsync(string? userInfo = null, CancellationToken cancellationToken = default)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var server = new SchemaRegistryServer(app, userInfo);
        server.MapRoutes();
        await app.StartAsync(cancellationToken);
        server.Url = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
        return server;
    }

    /// <summary>Registers a schema directly (as another producer would) and returns its id.</summary>
    public int Register(string subject, string schema) => Store.Register(subject, schema);

    /// <summary>Makes every following request fail with the given HTTP status (0 to stop).</summary>
    public void FailWith(int status) => _failWithStatus = status;

    /// <summary>Returns how many received requests start with the given text.</summary>
    public int CountRequests(string prefix) => _requests.Count(r => r.StartsWith(prefix, StringComparison.Ordinal));

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private void MapRoutes()
    {
        _app.Use(async (context, next) =>
        {
            _requests.Enqueue($"{context.Request.Method} {context.Request.Path}{context.Request.QueryString}");
            if (_requiredAuthorization is not null &&
                !string.Equals(context.Request.Headers.Authorization, _requiredAuthorization, StringComparison.Ordinal))
            {
                await WriteError(context, new RegistryError(401, 401, "Unauthorized"));
                return;
            }

            if (_failWithStatus != 0)
            {
                await WriteError(context, new RegistryError(_failWithStatus, _failWithStatus * 100, "Injected failure"));
                return;
            }

            await next(context);
        });

        _app.MapPost("/subjects/{subject}/versions", async context => await RegisterAsync(context, Subject(context)));
        _app.MapGet("/subjects/{subject}/versions", context => Versions(context, Subject(context)));
        _app.MapGet("/subjects/{subject}/versions/{version}", context => Version(context, Subject(context), (string)context.Request.RouteValues["version"]!));
        _app.MapPost("/subjects/{subject}", async context => await LookupAsync(context, Subject(context)));
        _app.MapGet("/schemas/ids/{id:int}", context => SchemaById(context, int.Parse((string)context.Request.RouteValues["id"]!, System.Globalization.CultureInfo.InvariantCulture)));
        _app.MapGet("/subjects", context => WriteJson(context, 200, new JsonArray([.. Store.Subjects.Select(s => (JsonNode)s)])));
        _app.MapGet("/config", context => WriteJson(context, 200, new JsonObject { ["compatibilityLevel"] = Store.Compatibility }));
        _app.MapPut("/config", async context =>
        {
            var body = await ReadBodyAsync(context);
            Store.Compatibility = body?["compatibility"]?.GetValue<string>() ?? Store.Compatibility;
            await WriteJson(context, 200, new JsonObject { ["compatibility"] = Store.Compatibility });
        });
        _app.MapFallback(context => WriteError(context, new RegistryError(404, 404, "HTTP 404 Not Found")));
    }

    private static string Subject(HttpContext context) => Uri.UnescapeDataString((string)context.Request.RouteValues["subject"]!);

    private async Task RegisterAsync(HttpContext context, string subject)
    {
        var (schema, error) = await ReadSchemaAsync(context);
        if (error is not null)
        {
            await WriteError(context, error);
            return;
        }

        await WriteJson(context, 200, new JsonObject { ["id"] = Store.Register(subject, schema!) });
    }

    private async Task LookupAsync(HttpContext context, string subject)
    {
        var (schema, error) = await ReadSchemaAsync(context);
        if (error is not null)
        {
            await WriteError(context, error);
            return;
        }

        var (found, lookupError) = Store.Lookup(subject, schema!);
        await (found is null ? WriteError(context, lookupError!) : WriteJson(context, 200, Describe(found)));
    }

    private Task Versions(HttpContext context, string subject) =>
        Store.Versions(subject) is { } versions
            ? WriteJson(context, 200, new JsonArray([.. versions.Select(v => (JsonNode)v.Version)]))
            : WriteError(context, RegistryError.SubjectNotFound(subject));

    private Task Version(HttpContext context, string subject, string version)
    {
        var versions = Store.Versions(subject);
        if (versions is null)
        {
            return WriteError(context, RegistryError.SubjectNotFound(subject));
        }

        SubjectVersion? found;
        if (version == "latest")
        {
            found = versions.Count == 0 ? null : versions[^1];
        }
        else if (int.TryParse(version, out var number) && number > 0)
        {
            found = versions.FirstOrDefault(v => v.Version == number);
        }
        else
        {
            return WriteError(context, RegistryError.InvalidVersion(version));
        }

        return found is null ? WriteError(context, RegistryError.VersionNotFound(version)) : WriteJson(context, 200, Describe(found));
    }

    private Task SchemaById(HttpContext context, int id) =>
        Store.SchemaById(id) is { } schema
            ? WriteJson(context, 200, new JsonObject { ["schema"] = schema })
            : WriteError(context, RegistryError.SchemaIdNotFound(id));

    private static JsonObject Describe(SubjectVersion version) => new()
    {
        ["subject"] = version.Subject,
        ["version"] = version.Version,
        ["id"] = version.Id,
        ["schema"] = version.Schema,
    };

    // Accepts Confluent's request body {"schema": "...", "schemaType": "AVRO", "references": []}; only Avro is served.
    private static async Task<(string? Schema, RegistryError? Error)> ReadSchemaAsync(HttpContext context)
    {
        JsonNode? body;
        try
        {
            body = await ReadBodyAsync(context);
        }
        catch (JsonException e)
        {
            return (null, new RegistryError(400, 400, $"Unrecognized request body: {e.Message}"));
        }

        var schema = (body?["schema"] as JsonValue)?.GetValue<string>();
        var type = (body?["schemaType"] as JsonValue)?.GetValue<string>() ?? "AVRO";
        if (schema is null || !string.Equals(type, "AVRO", StringComparison.OrdinalIgnoreCase))
        {
            return (null, RegistryError.InvalidSchema($"unsupported schema type {type} or no schema"));
        }

        try
        {
            return global::Avro.Schema.Parse(schema) is null ? (null, RegistryError.InvalidSchema("not a schema")) : (schema, null);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return (null, RegistryError.InvalidSchema(e.Message));
        }
    }

    private static async Task<JsonNode?> ReadBodyAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
        var text = await reader.ReadToEndAsync(context.RequestAborted);
        return text.Length == 0 ? null : JsonNode.Parse(text);
    }

    private static Task WriteError(HttpContext context, RegistryError error) =>
        WriteJson(context, error.Status, new JsonObject { ["error_code"] = error.ErrorCode, ["message"] = error.Message });

    private static async Task WriteJson(HttpContext context, int status, JsonNode body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = ContentType;
        await context.Response.WriteAsync(body.ToJsonString(), context.RequestAborted);
    }
}
