using System.Net;
using Confluent.SchemaRegistry;
using Serverless.Connect.Errors;

namespace Serverless.Connect.Converters.Avro.Internal;

/// <summary>
/// Maps Schema Registry failures to Connect errors as Confluent's converter does: unreachable or overloaded registry ⇒
/// retriable; authentication/authorization errors ⇒ configuration errors; anything else (unknown subject or schema,
/// invalid or incompatible schema) ⇒ <see cref="DataException"/>.
/// </summary>
internal static class RegistryErrors
{
    public static Exception Translate(Exception error, string topic, string context, string? notFoundHint = null)
    {
        if (error is AggregateException { InnerExceptions.Count: 1 } aggregate)
        {
            error = aggregate.InnerExceptions[0];
        }

        switch (error)
        {
            case ConnectException:
            case OperationCanceledException when error is not TaskCanceledException:
                return error;
            case SchemaRegistryException registry:
                var code = registry.ErrorCode;
                var status = (int)registry.Status;
                if (code / 100 == 4 || status is 401 or 403)
                {
                    return new ConverterConfigException($"Failed to access Avro data from topic {topic} : {registry.Message}", registry);
                }

                if (status is 408 or 429 || status >= 500)
                {
                    return new RetriableException($"{context}: {registry.Message}", registry);
                }

                return new DataException($"{context}: {registry.Message} (Schema Registry error code {code}){(code is 40401 or 40403 ? notFoundHint : null)}", registry);
            case HttpRequestException http when string.Equals(http.Message, "Unauthorized", StringComparison.Ordinal) ||
                                                http.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden:
                return new ConverterConfigException($"Failed to access Avro data from topic {topic} : {http.Message}", http);
            case HttpRequestException:
            case TaskCanceledException:
            case TimeoutException:
            case IOException:
                return new RetriableException($"{context}: Schema Registry unavailable: {error.Message}", error);
            default:
                return new DataException($"{context}: {error.Message}", error);
        }
    }
}
