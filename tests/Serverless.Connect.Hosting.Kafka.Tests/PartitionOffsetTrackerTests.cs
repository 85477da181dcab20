using Confluent.Kafka;

namespace Serverless.Connect.Hosting.Kafka.Tests;

public sealed class PartitionOffsetTrackerTests
{
    private static readonly TopicPartition P0 = new("t", 0);
    private static readonly TopicPartition P1 = new("t", 1);

    [Fact]
    public void Committable_StopsAtTheLowestIncompleteRecord_WhenRecordsCompleteOutOfOrder()
    {
        var tracker = new PartitionOffsetTracker();
        foreach (var offset in new long[] { 10, 11, 12, 13 })
        {
            tracker.Track(P0, offset);
        }

        Assert.Equal(10, tracker.Committable(P0));
        tracker.Complete(P0, 12);
        tracker.Complete(P0, 13);
        Assert.Equal(10, tracker.Committable(P0));
        tracker.Complete(P0, 10);
        Assert.Equal(11, tracker.Committable(P0));
        tracker.Complete(P0, 11);
        Assert.Equal(14, tracker.Committable(P0));
    }

    [Fact]
    public void IsCompleted_SkipsRedeliveredRecordsThatWereAlreadyHandled()
    {
        var tracker = new PartitionOffsetTracker();
        tracker.Track(P0, 5);
        tracker.Track(P0, 6);
        tracker.Track(P0, 7);
        tracker.Complete(P0, 7);

        // 5 and 6 are redelivered after a seek; 7 was dead-lettered or written already.
        tracker.Track(P0, 5);
        Assert.False(tracker.IsCompleted(P0, 5));
        Assert.False(tracker.IsCompleted(P0, 6));
        Assert.True(tracker.IsCompleted(P0, 7));
        Assert.Equal(5, tracker.LowestPending(P0));
        tracker.Complete(P0, 5);
        tracker.Complete(P0, 6);
        Assert.Equal(8, tracker.Committable(P0));
        Assert.True(tracker.IsCompleted(P0, 6));
    }

    [Fact]
    public void PendingCommits_ReturnsOnlyMovedPartitions_AndRespectsTheFilter()
    {
        var tracker = new PartitionOffsetTracker();
        tracker.Track(P0, 0);
        tracker.Track(P1, 100);
        tracker.Complete(P0, 0);
        tracker.Complete(P1, 100);

        var all = tracker.PendingCommits();
        Assert.Equal(2, all.Count);
        Assert.Contains(all, o => o.TopicPartition == P0 && o.Offset.Value == 1);
        Assert.Contains(all, o => o.TopicPartition == P1 && o.Offset.Value == 101);

        tracker.MarkCommitted(all);
        Assert.Empty(tracker.PendingCommits());

        tracker.Track(P1, 101);
        tracker.Complete(P1, 101);
        Assert.Empty(tracker.PendingCommits([P0]));
        Assert.Equal(102, Assert.Single(tracker.PendingCommits([P1])).Offset.Value);
    }

    [Fact]
    public void Remove_ForgetsARevokedPartition()
    {
        var tracker = new PartitionOffsetTracker();
        tracker.Track(P0, 3);
        tracker.Remove(P0);
        Assert.Null(tracker.Committable(P0));
        Assert.False(tracker.IsCompleted(P0, 3));
        Assert.Empty(tracker.PendingCommits());
    }

    [Fact]
    public void Committable_IsNull_BeforeAnythingWasTracked()
    {
        var tracker = new PartitionOffsetTracker();
        Assert.Null(tracker.Committable(P0));
        Assert.Null(tracker.LowestPending(P0));
    }
}
