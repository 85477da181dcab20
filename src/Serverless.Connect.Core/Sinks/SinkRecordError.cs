namespace Serverless.Connect.Sinks;

/// <summary>Why a record was not written, with Elasticsearch's own error when there is one.</summary>
/// <param name="Message">A one-line description, for example <c>Indexing failed: {"type":"mapper_parsing_exception",…}</c>.</param>
/// <param name="ErrorType">Elasticsearch's <c>error.type</c> (for example <c>mapper_parsing_exception</c>), or null.</param>
/// <param name="HttpStatus">The item or request HTTP status, or null when nothing was sent.</param>
/// <param name="ErrorJson">The item's complete <c>error</c> object as JSON, for dead letter queue headers, or null.</param>
/// <param name="Exception">The exception behind a conversion or transport failure, or null.</param>
public sealed record SinkRecordError(
    string Message,
    string? ErrorType = null,
    int? HttpStatus = null,
    string? ErrorJson = null,
    Exception? Exception = null);
