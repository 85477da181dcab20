namespace Serverless.Connect.Demo;

/// <summary>What <c>./connect demo</c> was asked to do.</summary>
public sealed record DemoOptions
{
    /// <summary>Gets how long the load runs before the summary; null runs until Ctrl-C.</summary>
    public TimeSpan? Duration { get; init; }

    /// <summary>Gets the load generator's target rate in row changes per second (inserts, updates, deletes, outbox rows).</summary>
    /// <value>200.</value>
    public int Rate { get; init; } = 200;

    /// <summary>Gets a value indicating whether the local services must already be running (no apt-get, npm ci or start).</summary>
    public bool NoInstall { get; init; }

    /// <summary>Gets the repository root (holding <c>infra/local/services.sh</c>); found from the program's location when null.</summary>
    public string? RepositoryRoot { get; init; }

    /// <summary>Gets the Elasticsearch URL for the Elasticsearch sink; null skips that sink.</summary>
    /// <value>The <c>ES_URL</c> environment variable.</value>
    public string? ElasticsearchUrl { get; init; } = Environment.GetEnvironmentVariable("ES_URL") is { Length: > 0 } url ? url : null;

    /// <summary>Gets a value indicating whether the live display may redraw the terminal (false: a plain line every few seconds).</summary>
    /// <value>True when stdout is a terminal.</value>
    public bool Interactive { get; init; } = !Console.IsOutputRedirected;
}
