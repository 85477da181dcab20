namespace Serverless.Connect.Sources.Postgres.Tests;

public sealed class LsnAcknowledgementTrackerTests
{
    [Fact]
    public void Safe_position_waits_for_every_record_below_it_even_when_later_ones_complete_first()
    {
        var tracker = new LsnAcknowledgementTracker();
        tracker.Track(100);
        tracker.Track(100);
        tracker.Seal(110);
        tracker.Track(200);
        tracker.Seal(210);

        Assert.Equal(0UL, tracker.Complete(200));
        Assert.Equal(0UL, tracker.Complete(100));
        Assert.Equal(210UL, tracker.Complete(100));
        Assert.Equal(0, tracker.InFlight);
    }

    [Fact]
    public void Unsealed_positions_are_not_safe_and_empty_transactions_advance_at_once()
    {
        var tracker = new LsnAcknowledgementTracker(50);
        Assert.Equal(60UL, tracker.Seal(60));
        tracker.Track(70);
        Assert.Equal(60UL, tracker.Complete(70));
        Assert.Equal(80UL, tracker.Seal(80));
    }

    [Fact]
    public void Positions_may_not_go_backwards()
    {
        var tracker = new LsnAcknowledgementTracker();
        tracker.Track(100);
        Assert.Throws<InvalidOperationException>(() => tracker.Track(90));
    }
}
