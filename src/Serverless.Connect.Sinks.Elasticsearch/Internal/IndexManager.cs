using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using Serverless.Connect.Data;
using Serverless.Connect.Errors;

namespace Serverless.Connect.Sinks.Elasticsearch.Internal;

/// <summary>
/// Creates each index once before it is first written and, unless the schema is ignored, puts a mapping derived from
/// the value schema when the index has none yet (Confluent's <c>ensureIndexExists</c> and <c>checkMapping</c>).
/// </summary>
internal sealed class IndexManager
{
    private readonly ElasticsearchSinkOptions _options;
    private readonly ElasticsearchTransport _transport;
    private readonly TimeProvider _time;
    private readonly Random _random;
    private readonly ConcurrentDictionary<string, bool> _created = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, bool> _mapped = new(StringComparer.Ordinal);

    public IndexManager(ElasticsearchSinkOptions options, ElasticsearchTransport transport, TimeProvider time, Random random)
    {
        _options = options;
        _transport = transport;
        _time = time;
        _random = random;
    }

    /// <exception cref="RetriableException">Elasticsearch stayed unavailable through the retries.</exception>
    /// <exception cref="ConnectException">Elasticsearch refused the index or mapping.</exception>
    public async Task EnsureAsync(string index, string topic, Schema? valueSchema, CancellationToken cancellationToken)
    {
        if (_options.IsDataStream)
        {
            // Data streams are created by Elasticsearch from their index template on the first write.
            return;
        }

        var path = Uri.EscapeDataString(index);
        if (!_created.ContainsKey(index))
        {
            var created = await CallAsync(HttpMethod.Put, path, null, cancellationToken).ConfigureAwait(false);
            if (created.StatusCode is < 200 or >= 300 && ErrorType(created) != "resource_already_exists_exception")
            {
                throw new ConnectException($"Could not create index '{index}': {created.Describe()}");
            }

            _created[index] = true;
        }

        if (_options.ShouldIgnoreSchema(topic) || valueSchema is null || _mapped.ContainsKey(index))
        {
            return;
        }

        var current = await CallAsync(HttpMethod.Get, path + "/_mapping", null, cancellationToken).ConfigureAwait(false);
        if (current.StatusCode is < 200 or >= 300)
        {
            throw new ConnectException($"Could not read the mapping of index '{index}': {current.Describe()}");
        }

        if (!HasMapping(current.Body))
        {
            var put = await CallAsync(HttpMethod.Put, path + "/_mapping", MappingBuilder.Build(valueSchema), cancellationToken).ConfigureAwait(false);
            if (put.StatusCode is < 200 or >= 300)
            {
                throw new ConnectException($"Could not put the mapping of index '{index}': {put.Describe()}");
            }
        }

        _mapped[index] = true;
    }

    private async Task<BulkHttpResult> CallAsync(
        HttpMethod method, string path, byte[]? body, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            var result = await _transport.SendJsonAsync(method, path, body, cancellationToken).ConfigureAwait(false);
            // A truncated or empty 2xx body (a connection cut mid-response) is as transient as a reset.
            if (!result.IsTransient && (result.StatusCode is < 200 or >= 300 || IsJson(result.Body)))
            {
                return result;
            }

            if (attempt >= _options.MaxRetries)
            {
                throw new RetriableException($"{method} /{path} failed after {attempt} retries: {result.Describe()}");
            }

            TimeSpan delay;
            lock (_random)
            {
                delay = RetryBackoff.Compute(attempt, _options.RetryBackoff, _random);
            }

            await Task.Delay(delay, _time, cancellationToken).ConfigureAwait(false);
        }
    }

    private static bool IsJson(byte[] body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            return document.RootElement.ValueKind == JsonValueKind.Object;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static bool HasMapping(byte[] body)
    {
        using var document = JsonDocument.Parse(body);
        foreach (var index in document.RootElement.EnumerateObject())
        {
            if (index.Value.TryGetProperty("mappings", out var mappings) && mappings.ValueKind == JsonValueKind.Object
                && mappings.EnumerateObject().Any())
            {
                return true;
            }
        }

        return false;
    }

    private static string? ErrorType(BulkHttpResult result)
    {
        try
        {
            using var document = JsonDocument.Parse(result.Body);
            return document.RootElement.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.Object
                && error.TryGetProperty("type", out var type) ? type.GetString() : null;
        }
        catch (JsonException)
        {
            return Encoding.UTF8.GetString(result.Body);
        }
    }
}
