namespace Serverless.Connect.Sources.Postgres.Internal;

/// <summary>The kind of a <see cref="RawValue"/>.</summary>
internal enum RawValueKind
{
    Text,
    Null,
    UnchangedToast,
    Absent,
}
