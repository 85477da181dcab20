namespace Serverless.Connect.Sources.Postgres;

/// <summary>Debezium's <c>snapshot.mode</c> values supported by this connector.</summary>
public enum SnapshotMode
{
    /// <summary><c>initial</c>: snapshot when the replication slot does not exist yet, then stream.</summary>
    Initial,

    /// <summary><c>always</c>: snapshot on every start (recreating the slot), then stream.</summary>
    Always,

    /// <summary><c>initial_only</c>: snapshot through a temporary slot, then stop without streaming.</summary>
    InitialOnly,

    /// <summary><c>no_data</c> (also <c>never</c>, <c>schema_only</c>): never snapshot; stream from the slot.</summary>
    NoData,

    /// <summary><c>when_needed</c>: snapshot when the slot is missing, then stream.</summary>
    WhenNeeded,
}
