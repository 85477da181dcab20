namespace Serverless.Connect.Configuration.Internal;

/// <summary>Facts about Strimzi's custom resources.</summary>
internal static class StrimziApi
{
    public const string Group = "kafka.strimzi.io";

    public const string ClusterLabel = "strimzi.io/cluster";

    private static readonly HashSet<string> _knownVersions = new(StringComparer.Ordinal) { "v1", "v1beta2", "v1beta1", "v1alpha1" };

    public static bool IsStrimzi(string? apiVersion) =>
        apiVersion is not null && apiVersion.StartsWith(Group + "/", StringComparison.Ordinal);

    public static bool IsKnownVersion(string apiVersion) => _knownVersions.Contains(apiVersion[(Group.Length + 1)..]);

    /// <summary>Checks <c>apiVersion</c>; returns false when the document is not a Strimzi resource at all.</summary>
    public static bool CheckApiVersion(DocMapping document, string kind, LoadContext context)
    {
        var apiVersion = document.GetText("apiVersion");
        if (!IsStrimzi(apiVersion))
        {
            context.Error("apiVersion", $"{kind} must have apiVersion {Group}/v1beta2 or {Group}/v1, not '{apiVersion ?? "(none)"}'", document);
            return false;
        }

        if (!IsKnownVersion(apiVersion!))
        {
            context.Warn("apiVersion", $"unknown Strimzi API version '{apiVersion}'; reading it as {Group}/v1", document);
        }

        return true;
    }

    public static string? MetadataName(DocMapping document, LoadContext context, string kind)
    {
        var name = (document.Get("metadata") as DocMapping)?.GetText("name");
        if (string.IsNullOrWhiteSpace(name))
        {
            context.Error("metadata.name", $"{kind} has no metadata.name", document);
            return null;
        }

        return name.Trim();
    }

    public static string? Label(DocMapping document, string label) =>
        ((document.Get("metadata") as DocMapping)?.Get("labels") as DocMapping)?.GetText(label);
}
