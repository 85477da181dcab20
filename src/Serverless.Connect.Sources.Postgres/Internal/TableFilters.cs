using Serverless.Connect.Configuration.Validation;
using Serverless.Connect.Text;

namespace Serverless.Connect.Sources.Postgres.Internal;

/// <summary>Debezium's schema/table/column include and exclude lists and <c>message.key.columns</c>.</summary>
internal sealed class TableFilters
{
    private readonly JavaRegexList? _schemaInclude;
    private readonly JavaRegexList? _schemaExclude;
    private readonly JavaRegexList? _tableInclude;
    private readonly JavaRegexList? _tableExclude;
    private readonly JavaRegexList? _columnInclude;
    private readonly JavaRegexList? _columnExclude;
    private readonly IReadOnlyList<(JavaRegex Table, IReadOnlyList<string> Columns)> _keyColumns;

    private TableFilters(ParsedConfig parsed)
    {
        _schemaInclude = List(parsed, "schema.include.list");
        _schemaExclude = List(parsed, "schema.exclude.list");
        _tableInclude = List(parsed, "table.include.list");
        _tableExclude = List(parsed, "table.exclude.list");
        _columnInclude = List(parsed, "column.include.list");
        _columnExclude = List(parsed, "column.exclude.list");
        _keyColumns = ParseKeyColumns(parsed.GetString("message.key.columns"));
    }

    public static TableFilters Create(ParsedConfig parsed) => new(parsed);

    public bool IncludesTable(string schema, string table)
    {
        // Debezium never captures the system schemas, whatever the lists say.
        if (schema is "pg_catalog" or "information_schema" || schema.StartsWith("pg_toast", StringComparison.Ordinal))
        {
            return false;
        }

        if (_schemaInclude is not null && !_schemaInclude.MatchesAny(schema))
        {
            return false;
        }

        if (_schemaExclude is not null && _schemaExclude.MatchesAny(schema))
        {
            return false;
        }

        var id = schema + "." + table;
        if (_tableInclude is not null)
        {
            return _tableInclude.MatchesAny(id);
        }

        return _tableExclude is null || !_tableExclude.MatchesAny(id);
    }

    public bool IncludesColumn(string schema, string table, string column)
    {
        var id = schema + "." + table + "." + column;
        if (_columnInclude is not null)
        {
            return _columnInclude.MatchesAny(id);
        }

        return _columnExclude is null || !_columnExclude.MatchesAny(id);
    }

    /// <summary>The key columns configured for a table, or null to use the primary key.</summary>
    public IReadOnlyList<string>? KeyColumnsFor(string schema, string table)
    {
        var id = schema + "." + table;
        foreach (var (regex, columns) in _keyColumns)
        {
            if (regex.Matches(id))
            {
                return columns;
            }
        }

        return null;
    }

    private static JavaRegexList? List(ParsedConfig parsed, string key)
    {
        var value = parsed.GetString(key);
        return string.IsNullOrWhiteSpace(value) ? null : JavaRegexList.Parse(value);
    }

    private static List<(JavaRegex, IReadOnlyList<string>)> ParseKeyColumns(string? value)
    {
        var result = new List<(JavaRegex, IReadOnlyList<string>)>();
        if (string.IsNullOrWhiteSpace(value))
        {
            return result;
        }

        foreach (var entry in value.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var colon = entry.LastIndexOf(':');
            if (colon <= 0)
            {
                throw new Configuration.ConfigException("message.key.columns", value, $"Entry '{entry}' is not <table regex>:<column>[,<column>]");
            }

            var columns = entry[(colon + 1)..].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            result.Add((new JavaRegex(entry[..colon].Trim(), JavaRegexOptions.CaseInsensitive), columns));
        }

        return result;
    }
}
