using Serverless.Connect.Data;

namespace Serverless.Connect.Sinks.Elasticsearch.Tests;

public sealed class MalformedDocumentTests : SinkFixture
{
    private static List<ConnectRecord> MixedBatch() =>
    [
        Records.Schemaless("metrics", 0, 0, "a", Records.Map(("value", 1L))),
        Records.Schemaless("metrics", 0, 1, "b", Records.Map(("value", "not-a-number"))),
        Records.Schemaless("metrics", 0, 2, "c", Records.Map(("value", 3L))),
        Records.Schemaless("metrics", 0, 3, "d", Records.Map(("value", Records.Map(("nested", 1L))))),
        Records.Schemaless("metrics", 0, 4, "e", Records.Map(("value", 5L))),
    ];

    [Theory]
    [InlineData("warn", SinkRecordStatus.Malformed)]
    [InlineData("ignore", SinkRecordStatus.Malformed)]
    [InlineData("fail", SinkRecordStatus.Failed)]
    public async Task Exactly_the_rejected_documents_are_reported_with_the_elasticsearch_error(string behavior, SinkRecordStatus expected)
    {
        var task = CreateTask(("behavior.on.malformed.documents", behavior), ("schema.ignore", "true"), ("max.in.flight.requests", "1"));
        var batch = MixedBatch();

        var outcomes = await task.PutAsync(batch);

        Assert.Equal(
            [SinkRecordStatus.Written, expected, SinkRecordStatus.Written, expected, SinkRecordStatus.Written],
            outcomes.Select(o => o.Status));
        Assert.Same(batch[1], outcomes[1].Record);
        var error = outcomes[1].Error!;
        Assert.Equal("document_parsing_exception", error.ErrorType);
        Assert.Equal(400, error.HttpStatus);
        Assert.StartsWith("Indexing failed: {\"type\":\"document_parsing_exception\"", error.Message, StringComparison.Ordinal);
        Assert.Contains("failed to parse field [value] of type [long]", error.ErrorJson, StringComparison.Ordinal);
        Assert.Equal(["a", "c", "e"], (await Reader.AllDocumentsAsync("metrics")).Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Non_malformed_item_errors_fail_without_retry()
    {
        Server.Faults.ItemFault = item => item.Id == "b"
            ? new Contract.InjectedError(403, "security_exception", "action [indices:data/write/bulk[s]] is unauthorized")
            : null;
        var task = CreateTask(("schema.ignore", "true"), ("behavior.on.malformed.documents", "ignore"), ("max.in.flight.requests", "1"));

        var outcomes = await task.PutAsync(MixedBatch().Take(3).ToList());

        Assert.Equal([SinkRecordStatus.Written, SinkRecordStatus.Failed, SinkRecordStatus.Written], outcomes.Select(o => o.Status));
        Assert.Equal("security_exception", outcomes[1].Error!.ErrorType);
        Assert.Single(Server.Requests);
    }
}
