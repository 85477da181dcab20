namespace Serverless.Connect.Demo.Internal;

internal sealed partial class DemoRun
{
    private async Task<DemoSummary> BuildSummaryAsync(TopicWatcher watcher, DemoBucket bucket, LoadCounters load, double loadSeconds)
    {
        var topics = new List<TopicSummary>();
        foreach (var topic in new[] { _names.OrdersTopic, _names.CustomersTopic, _names.OrderCreatedTopic, _names.OrderShippedTopic })
        {
            topics.Add(new TopicSummary(topic, await Task.Run(() => watcher.EndOffsets(topic, KafkaTopics.Partitions))));
        }

        var deadLetterQueues = new List<TopicSummary>();
        foreach (var topic in new[] { _names.S3DeadLetterTopic, _names.ElasticsearchDeadLetterTopic })
        {
            deadLetterQueues.Add(new TopicSummary(topic, await Task.Run(() => watcher.EndOffsets(topic, KafkaTopics.Partitions))));
        }

        var objects = new List<Amazon.S3.Model.S3Object>();
        var listed = false;
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            objects.AddRange(await bucket.ListAsync(timeout.Token));
            listed = true;
        }
        catch (Exception e) when (e is Amazon.Runtime.AmazonServiceException or OperationCanceledException)
        {
            _problems.Add($"listing bucket {bucket.Name} failed: {e.Message}");
        }

        var s3 = new S3Summary(
            bucket.Name,
            objects.Count,
            objects.Sum(o => o.Size ?? 0),
            [
                .. objects.GroupBy(o => o.Key.Split('/')[1], StringComparer.Ordinal)
                    .SelectMany(topic => topic.OrderBy(o => o.Key, StringComparer.Ordinal).Take(2))
                    .Take(4)
                    .Select(o => $"{o.Key} ({o.Size} bytes)"),
            ]);
        if (listed && _s3.State != StageState.Waiting && _s3.State != StageState.Skipped && objects.Count == 0)
        {
            _problems.Add("s3-sink: no object was written to the bucket");
        }

        foreach (var stage in Stages.Where(s => s.Counts && s.State != StageState.Waiting && s.Records == 0))
        {
            _problems.Add($"{stage.Name}: no rows reached this stage ({stage.What})");
        }

        return new DemoSummary
        {
            Id = _names.Id,
            Seconds = Math.Round(loadSeconds, 1),
            Load = new LoadSummary(load.Inserts, load.Updates, load.Deletes, load.OutboxEvents, load.Transactions, load.Malformed),
            Topics = topics,
            Stages =
            [
                .. Stages.Select(s => new StageSummary(
                    s.Name, s.State, s.Records, s.Note, s.Latency.Percentile(50), s.Latency.Percentile(99), s.Latency.Count, s.LatencyLabel)),
            ],
            S3 = s3,
            DeadLetterQueues = deadLetterQueues,
            DeadLetters = watcher.DeadLetters,
            Problems = [.. _problems.Distinct(StringComparer.Ordinal)],
        };
    }
}
