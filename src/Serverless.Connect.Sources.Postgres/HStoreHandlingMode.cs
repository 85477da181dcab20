namespace Serverless.Connect.Sources.Postgres;

/// <summary>Debezium's <c>hstore.handling.mode</c>.</summary>
public enum HStoreHandlingMode
{
    /// <summary><c>json</c>: io.debezium.data.Json text.</summary>
    Json,

    /// <summary><c>map</c>: MAP of STRING to optional STRING.</summary>
    Map,
}
