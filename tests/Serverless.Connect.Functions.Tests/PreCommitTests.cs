using Serverless.Connect.Hosting.Kafka.Tests;
using Serverless.Connect.Runtime.Sinks;
using Serverless.Connect.Sinks;

namespace Serverless.Connect.Functions.Tests;

/// <summary>A buffering sink (as S3 is) gets the FunctionsTrigger context, and a batch succeeds only once preCommit confirms its end.</summary>
public sealed class PreCommitTests
{
    [Fact]
    public async Task BatchNotYetDurable_ReturnsNon2xx_UntilPreCommitConfirmsTheBatchEnd()
    {
        await using var app = await FunctionApp.CreateAsync();
        var task = new BufferingSinkTask();
        var connector = new BufferingSinkConnector(task);
        app.Sinks = new SinkConnectorRegistry().Register(connector);
        app.WriteConnector(BufferingSinkConnector.Class);
        var records = await app.ProduceAndConsumeAsync([("k0", "{\"n\":0}"), ("k1", "{\"n\":1}"), ("k2", "{\"n\":2}")]);
        var partition = new SinkPartition(app.Topic, 0);
        var end = records[^1].Offset.Value + 1;

        var (nothingDurable, body) = await app.InvokeAsync(records);
        task.MakeDurable(partition, records[1].Offset.Value);
        var (partlyDurable, partlyBody) = await app.InvokeAsync(records, retryCount: 1);
        task.MakeDurable(partition, end);
        var (durable, durableBody) = await app.InvokeAsync(records, retryCount: 2);

        Assert.Equal(503, nothingDurable);
        Assert.Contains($"{partition}: test.BufferingSinkTask confirmed only offsets below none as durable; the batch ends at {end}", Log(body), StringComparison.Ordinal);
        Assert.Equal(503, partlyDurable);
        Assert.Contains($"confirmed only offsets below {records[1].Offset.Value} as durable", Log(partlyBody), StringComparison.Ordinal);
        Assert.Equal(200, durable);
        Assert.Contains("1 already durable from an earlier attempt", Log(durableBody), StringComparison.Ordinal);
        Assert.Equal(SinkHostKind.FunctionsTrigger, connector.Context!.Host);
        Assert.Equal(app.Name, connector.Context.ConnectorName);
        Assert.Equal(0, connector.Context.TaskId);
        Assert.Equal([$"open {partition}"], task.Calls);
        Assert.Equal(3, task.PreCommits);
    }

    private static string Log(System.Text.Json.Nodes.JsonObject body) => string.Join("\n", body["Logs"]!.AsArray().Select(l => l!.GetValue<string>()));
}
