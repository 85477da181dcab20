using Serverless.Connect.Deployment.Yaml;

namespace Serverless.Connect.Deployment.Kubernetes;

/// <summary>The pieces every generated pod shares: hardened security contexts, secret volumes, labels.</summary>
internal static class PodSpecs
{
    public const string ConnectorsMount = "/etc/serverless-connect/connectors";
    public const string WorkerMount = "/etc/serverless-connect/worker";

    // The Configuration library's default SC_SECRETS_DIR: ${secrets:NAME:KEY} reads DIR/NAME/KEY.
    public const string SecretsDirectory = "/var/run/secrets/serverless-connect";

    public static YamlMap Labels(string component, string instance) => new()
    {
        { "app.kubernetes.io/name", component },
        { "app.kubernetes.io/instance", instance },
        { "app.kubernetes.io/component", component switch { "cdc-reader" => "source", "sink" => "sink", _ => "config" } },
        { "app.kubernetes.io/part-of", "serverless-connect" },
        { "app.kubernetes.io/managed-by", "serverless-connect-generate" },
    };

    public static YamlMap Selector(string component, string instance) => new()
    {
        { "app.kubernetes.io/name", component },
        { "app.kubernetes.io/instance", instance },
    };

    public static YamlMap Metadata(string name, string? ns, YamlMap labels, YamlMap? annotations = null) => new()
    {
        { "name", name },
        { "namespace", ns },
        { "labels", labels },
        { "annotations", annotations },
    };

    /// <summary>The common Prometheus scrape annotations; both hosts serve <c>GET /metrics</c> on their HTTP port.</summary>
    public static YamlMap PodMetadata(YamlMap labels, int metricsPort) => new()
    {
        { "labels", labels },
        { "annotations", new YamlMap
            {
                { "prometheus.io/scrape", "true" },
                { "prometheus.io/port", metricsPort.ToString(System.Globalization.CultureInfo.InvariantCulture) },
                { "prometheus.io/path", "/metrics" },
            }
        },
    };

    public static YamlMap PodSecurityContext() => new()
    {
        { "runAsNonRoot", true },
        { "seccompProfile", new YamlMap { { "type", "RuntimeDefault" } } },
    };

    public static YamlMap ContainerSecurityContext() => new()
    {
        { "allowPrivilegeEscalation", false },
        { "readOnlyRootFilesystem", true },
        { "capabilities", new YamlMap { { "drop", new YamlList("ALL") } } },
    };

    public static YamlMap HttpProbe(string path, long initialDelaySeconds, long periodSeconds, long failureThreshold) => new()
    {
        { "httpGet", new YamlMap { { "path", path }, { "port", "http" } } },
        { "initialDelaySeconds", initialDelaySeconds },
        { "periodSeconds", periodSeconds },
        { "timeoutSeconds", 5 },
        { "failureThreshold", failureThreshold },
    };

    public static YamlMap Resources(string cpuRequest, string memoryRequest, string memoryLimit) => new()
    {
        { "requests", new YamlMap { { "cpu", cpuRequest }, { "memory", memoryRequest } } },
        { "limits", new YamlMap { { "memory", memoryLimit } } },
    };

    /// <summary>One volume per referenced Secret, mounted where the <c>${secrets:…}</c> provider looks.</summary>
    public static (List<YamlValue> Volumes, List<YamlValue> Mounts) SecretVolumes(IEnumerable<SecretReference> references)
    {
        var volumes = new List<YamlValue>();
        var mounts = new List<YamlValue>();
        foreach (var secret in references.Select(r => (r.Namespace, r.Name)).Distinct().OrderBy(s => s.Namespace ?? string.Empty, StringComparer.Ordinal).ThenBy(s => s.Name, StringComparer.Ordinal))
        {
            var volume = KubernetesNames.ToLabel("secret-" + (secret.Namespace is null ? secret.Name : secret.Namespace + "-" + secret.Name));
            volumes.Add(new YamlMap { { "name", volume }, { "secret", new YamlMap { { "secretName", secret.Name } } } });
            mounts.Add(new YamlMap
            {
                { "name", volume },
                { "mountPath", SecretsDirectory + "/" + (secret.Namespace is null ? secret.Name : secret.Namespace + "/" + secret.Name) },
                { "readOnly", true },
            });
        }

        return (volumes, mounts);
    }

    public static YamlMap ConfigMapVolume(string volume, string configMap) =>
        new() { { "name", volume }, { "configMap", new YamlMap { { "name", configMap } } } };

    public static YamlMap Mount(string volume, string path) =>
        new() { { "name", volume }, { "mountPath", path }, { "readOnly", true } };

    // .NET writes to /tmp (diagnostics, HttpListener buffers); the root filesystem is read-only.
    public static YamlMap TmpVolume() => new() { { "name", "tmp" }, { "emptyDir", new YamlMap() } };
}
