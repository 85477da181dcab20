namespace Serverless.Connect.Sources.Postgres;

/// <summary>Debezium's <c>publication.autocreate.mode</c>.</summary>
public enum PublicationAutocreateMode
{
    /// <summary><c>all_tables</c>: create the publication FOR ALL TABLES when it is missing.</summary>
    AllTables,

    /// <summary><c>filtered</c>: create or reset the publication to the tables the filters select, on every start.</summary>
    Filtered,

    /// <summary><c>disabled</c>: the publication must exist.</summary>
    Disabled,
}
