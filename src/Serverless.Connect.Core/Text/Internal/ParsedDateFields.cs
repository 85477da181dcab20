namespace Serverless.Connect.Text.Internal;

/// <summary>Calendar fields collected while parsing, before they are resolved into an instant (Java's Calendar "set" fields).</summary>
internal sealed class ParsedDateFields
{
    public int? Era { get; set; }

    public int? Year { get; set; }

    public bool AmbiguousTwoDigitYear { get; set; }

    public int? WeekYear { get; set; }

    public int? Month { get; set; }

    public int? Day { get; set; }

    public int? DayOfYear { get; set; }

    /// <summary>1 = Sunday ... 7 = Saturday.</summary>
    public int? DayOfWeek { get; set; }

    public int? WeekOfYear { get; set; }

    public int? WeekOfMonth { get; set; }

    public int? DayOfWeekInMonth { get; set; }

    public int? AmPm { get; set; }

    public int? HourOfDay { get; set; }

    public int? Hour { get; set; }

    public int? Minute { get; set; }

    public int? Second { get; set; }

    public int? Millisecond { get; set; }

    public TimeSpan? Offset { get; set; }
}
