namespace Serverless.Connect.Sinks.Elasticsearch.Internal;

/// <summary>Normalizes <c>connection.url</c> entries the way Confluent does.</summary>
internal static class UrlList
{
    /// <summary>Adds <c>http://</c> when there is no scheme and strips trailing slashes.</summary>
    public static bool TryNormalize(string text, out Uri uri)
    {
        var trimmed = text.Trim().TrimEnd('/');
        if (!trimmed.Contains("://", StringComparison.Ordinal))
        {
            trimmed = "http://" + trimmed;
        }

        if (Uri.TryCreate(trimmed, UriKind.Absolute, out var parsed)
            && (parsed.Scheme == Uri.UriSchemeHttp || parsed.Scheme == Uri.UriSchemeHttps))
        {
            uri = parsed;
            return true;
        }

        uri = null!;
        return false;
    }

    /// <summary>Normalizes every URL; when any uses https, Confluent uses https for all.</summary>
    public static IReadOnlyList<Uri> Normalize(IEnumerable<string> urls)
    {
        var parsed = urls.Select(u => TryNormalize(u, out var uri) ? uri : throw new ArgumentException($"Invalid URL {u}", nameof(urls)))
            .ToList();
        if (parsed.Exists(u => u.Scheme == Uri.UriSchemeHttps))
        {
            parsed = parsed.ConvertAll(u => new UriBuilder(u) { Scheme = Uri.UriSchemeHttps, Port = u.Port }.Uri);
        }

        return parsed;
    }
}
