namespace Serverless.Connect.Sources.Postgres.Internal;

/// <summary>One column value copied out of a replication tuple or snapshot row, still in PostgreSQL text form.</summary>
/// <param name="Kind">Whether the value is present, null, an unchanged TOAST value or absent from the tuple.</param>
/// <param name="Text">The text value when <paramref name="Kind"/> is <see cref="RawValueKind.Text"/>.</param>
internal readonly record struct RawValue(RawValueKind Kind, string? Text)
{
    public static readonly RawValue Null = new(RawValueKind.Null, null);
    public static readonly RawValue UnchangedToast = new(RawValueKind.UnchangedToast, null);
    public static readonly RawValue Absent = new(RawValueKind.Absent, null);
}
