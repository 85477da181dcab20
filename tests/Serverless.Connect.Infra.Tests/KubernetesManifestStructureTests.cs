using Serverless.Connect.Configuration;
using Serverless.Connect.Configuration.Loading;
using YamlDotNet.RepresentationModel;

namespace Serverless.Connect.Infra.Tests;

/// <summary>The committed manifests are structurally what Kubernetes and KEDA need, checked against the seed connectors.</summary>
public sealed class KubernetesManifestStructureTests
{
    private static readonly Lazy<List<YamlMappingNode>> s_resources = new(() =>
        [.. Directory.EnumerateFiles(InfraPaths.Kubernetes, "*.yaml").Where(f => Path.GetFileName(f) != "kustomization.yaml").Order(StringComparer.Ordinal).SelectMany(YamlDocuments.Load)]);

    private static readonly Lazy<ConfigLoadResult> s_seed = new(() => new ConnectConfigLoader(DictionaryEnvironmentVariables.Empty).LoadDirectory(InfraPaths.SeedConnectors));

    private static List<YamlMappingNode> Resources => s_resources.Value;

    public static TheoryData<string> Sinks() => [.. s_seed.Value.Connectors.Where(c => c.ConnectorClass.Contains("Sink", StringComparison.Ordinal)).Select(c => c.Name)];

    [Fact]
    public void Every_resource_has_api_version_kind_and_a_valid_name()
    {
        Assert.NotEmpty(Resources);
        foreach (var resource in Resources)
        {
            Assert.False(string.IsNullOrEmpty(resource.Text("apiVersion")));
            Assert.Matches("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$", resource.Name());
            Assert.True(resource.Name().Length <= 63, resource.Name());
        }

        var keys = Resources.Select(r => $"{r.Kind()}/{r.Name()}").ToList();
        Assert.Equal(keys.Count, keys.Distinct().Count());
    }

    [Fact]
    public void The_cdc_reader_is_one_replica_recreated_probed_on_http_and_protected_by_a_disruption_budget()
    {
        var deployment = Single("Deployment", "cdc-reader");
        Assert.Equal("1", deployment.Text("spec.replicas"));
        Assert.Equal("Recreate", deployment.Text("spec.strategy.type"));
        var container = deployment.Map("spec.template.spec.containers.0");
        Assert.Equal("http", container.Text("ports.0.name"));
        foreach (var probe in new[] { "startupProbe", "livenessProbe", "readinessProbe" })
        {
            Assert.Equal("/health", container.Text($"{probe}.httpGet.path"));
            Assert.Equal("http", container.Text($"{probe}.httpGet.port"));
        }

        Assert.Equal("true", deployment.Text("spec.template.spec.securityContext.runAsNonRoot"));
        var pdb = Single("PodDisruptionBudget", "cdc-reader");
        Assert.Equal("policy/v1", pdb.Text("apiVersion"));
        Assert.Equal(Labels(deployment.Map("spec.selector.matchLabels")), Labels(pdb.Map("spec.selector.matchLabels")));
        AssertSelectorMatchesTemplate(deployment);

        // Every seed PostgresConnector is mounted into the reader, unchanged.
        var sources = s_seed.Value.Connectors.Where(c => c.ConnectorClass.EndsWith("PostgresConnector", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(sources);
        var configMap = Single("ConfigMap", "cdc-reader-connectors");
        foreach (var source in sources)
        {
            AssertMountedConnectorEquals(source, configMap.Entry("data", source.Name + ".yaml"));
        }
    }

    [Theory]
    [MemberData(nameof(Sinks))]
    public void Each_sink_is_a_deployment_scaled_by_keda_on_its_consumer_group_lag(string sink)
    {
        var connector = s_seed.Value.FindConnector(sink)!;
        var worker = s_seed.Value.FindWorker(connector)!;
        var deployment = Single("Deployment", sink);
        Assert.Null(deployment.Find("spec.replicas"));
        AssertSelectorMatchesTemplate(deployment);
        var args = deployment.List("spec.template.spec.containers.0.args").Children.Select(a => ((YamlScalarNode)a).Value).ToList();
        Assert.Equal("sink", args[0]);
        Assert.Contains($"/etc/serverless-connect/connectors/{sink}.yaml", args);

        var scaled = Single("ScaledObject", sink);
        Assert.Equal("keda.sh/v1alpha1", scaled.Text("apiVersion"));
        Assert.Equal(sink, scaled.Text("spec.scaleTargetRef.name"));
        Assert.Equal("0", scaled.Text("spec.minReplicaCount"));
        var topics = connector["topics"]!.Split(',', StringSplitOptions.TrimEntries);
        Assert.Equal(topics.Sum(t => SeedTopicPartitions()[t]).ToString(System.Globalization.CultureInfo.InvariantCulture), scaled.Text("spec.maxReplicaCount"));
        var triggers = scaled.List("spec.triggers").Children.Cast<YamlMappingNode>().ToList();
        Assert.Equal(topics.Order(StringComparer.Ordinal), triggers.Select(t => t.Text("metadata.topic")).Order(StringComparer.Ordinal));
        foreach (var trigger in triggers)
        {
            Assert.Equal("kafka", trigger.Text("type"));
            Assert.Equal(worker.BootstrapServers, trigger.Text("metadata.bootstrapServers"));
            Assert.Equal("connect-" + sink, trigger.Text("metadata.consumerGroup"));
            Assert.Equal("10", trigger.Text("metadata.lagThreshold"));
            Assert.Equal("0", trigger.Text("metadata.activationLagThreshold"));
            // The sink consumer starts a new group at the earliest offset (Connect's default for sinks).
            Assert.Equal("earliest", trigger.Text("metadata.offsetResetPolicy"));
        }

        AssertMountedConnectorEquals(connector, Single("ConfigMap", sink + "-connector").Entry("data", sink + ".yaml"));
    }

    [Fact]
    public void Every_volume_mount_has_a_volume_and_every_config_map_volume_a_config_map()
    {
        var configMaps = Resources.Where(r => r.Kind() == "ConfigMap").Select(r => r.Name()).ToHashSet();
        foreach (var deployment in Resources.Where(r => r.Kind() == "Deployment"))
        {
            var volumes = deployment.List("spec.template.spec.volumes").Children.Cast<YamlMappingNode>().ToList();
            var names = volumes.Select(v => v.Text("name")).ToHashSet();
            foreach (var mount in deployment.List("spec.template.spec.containers.0.volumeMounts").Children.Cast<YamlMappingNode>())
            {
                Assert.Contains(mount.Text("name"), names);
            }

            foreach (var volume in volumes.Where(v => v.Find("configMap") is not null))
            {
                Assert.Contains(volume.Text("configMap.name"), configMaps);
            }
        }
    }

    [Fact]
    public void The_postgres_password_secret_is_mounted_where_the_secrets_provider_reads_it()
    {
        // ${secrets:postgres:password} in the seed → file /var/run/secrets/serverless-connect/postgres/password.
        var deployment = Single("Deployment", "cdc-reader");
        var mount = deployment.List("spec.template.spec.containers.0.volumeMounts").Children.Cast<YamlMappingNode>()
            .Single(m => m.Text("mountPath") == "/var/run/secrets/serverless-connect/postgres");
        var volume = deployment.List("spec.template.spec.volumes").Children.Cast<YamlMappingNode>().Single(v => v.Text("name") == mount.Text("name"));
        Assert.Equal("postgres", volume.Text("secret.secretName"));
    }

    [Fact]
    public void The_kustomization_lists_every_manifest_file()
    {
        var kustomization = YamlDocuments.Load(Path.Combine(InfraPaths.Kubernetes, "kustomization.yaml")).Single();
        var listed = kustomization.List("resources").Children.Select(r => ((YamlScalarNode)r).Value).Order(StringComparer.Ordinal);
        var files = Directory.EnumerateFiles(InfraPaths.Kubernetes, "*.yaml").Select(Path.GetFileName).Where(f => f != "kustomization.yaml").Order(StringComparer.Ordinal);
        Assert.Equal(files, listed);
    }

    private static YamlMappingNode Single(string kind, string name) =>
        Assert.Single(Resources, r => r.Kind() == kind && r.Name() == name);

    private static string Labels(YamlMappingNode labels) =>
        string.Join(",", labels.Children.Select(e => $"{e.Key}={e.Value}").Order(StringComparer.Ordinal));

    private static void AssertSelectorMatchesTemplate(YamlMappingNode deployment)
    {
        var template = deployment.Map("spec.template.metadata.labels").Children.ToDictionary(e => e.Key.ToString(), e => e.Value.ToString());
        foreach (var (key, value) in deployment.Map("spec.selector.matchLabels").Children)
        {
            Assert.Equal(value.ToString(), template[key.ToString()]);
        }
    }

    // What the pod reads must load to exactly the connector the user wrote.
    private static void AssertMountedConnectorEquals(ConnectorConfig expected, string mountedText)
    {
        var mounted = new ConnectConfigLoader(DictionaryEnvironmentVariables.Empty).LoadText(mountedText, ConfigFormat.Yaml).Connectors.Single();
        Assert.Equal(expected.Values, mounted.Values);
    }

    private static Dictionary<string, int> SeedTopicPartitions() =>
        YamlDocuments.Load(Path.Combine(InfraPaths.SeedConnectors, "kafka-topics.yaml"))
            .Where(d => d.Kind() == "KafkaTopic")
            .ToDictionary(d => d.Name(), d => int.Parse(d.Text("spec.partitions"), System.Globalization.CultureInfo.InvariantCulture));
}
