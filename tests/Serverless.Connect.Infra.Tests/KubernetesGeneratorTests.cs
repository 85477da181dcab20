using Serverless.Connect.Configuration;
using Serverless.Connect.Deployment;
using Serverless.Connect.Deployment.Kubernetes;
using YamlDotNet.RepresentationModel;

namespace Serverless.Connect.Infra.Tests;

/// <summary>How connector and worker settings turn into KEDA scaling, authentication and secret mounts.</summary>
public sealed class KubernetesGeneratorTests : IDisposable
{
    private const string SaslWorker = """
        apiVersion: kafka.strimzi.io/v1beta2
        kind: KafkaConnect
        metadata:
          name: secure-connect
        spec:
          bootstrapServers: my-cluster-kafka-bootstrap:9093
          tls:
            trustedCertificates:
              - secretName: my-cluster-cluster-ca-cert
                certificate: ca.crt
          authentication:
            type: scram-sha-512
            username: connect-user
            passwordSecret:
              secretName: connect-user
              password: password
        """;

    private readonly string _dir = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "sc-infra-gen-" + Guid.NewGuid().ToString("N"))).FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void A_sasl_worker_gives_a_trigger_authentication_with_secret_refs_and_mounts_the_password_for_the_sink()
    {
        Write("worker.yaml", SaslWorker);
        Write("es.yaml", Sink("es-sink", "orders", annotations: "serverless.connect/partitions: \"4\""));
        var (files, _) = Generate();
        var documents = Documents(files, "sink-es-sink.yaml");

        var auth = documents.Single(d => d.Kind() == "TriggerAuthentication");
        Assert.Equal("es-sink-kafka", auth.Name());
        var refs = auth.List("spec.secretTargetRef").Children.Cast<YamlMappingNode>().ToDictionary(r => r.Text("parameter"));
        Assert.Equal("connect-user", refs["password"].Text("name"));
        Assert.Equal("password", refs["password"].Text("key"));
        Assert.Equal("my-cluster-cluster-ca-cert", refs["ca"].Text("name"));
        Assert.Equal("ca.crt", refs["ca"].Text("key"));
        Assert.Equal("KAFKA_SASL_USERNAME", auth.Text("spec.env.0.name"));

        var trigger = documents.Single(d => d.Kind() == "ScaledObject").Map("spec.triggers.0");
        Assert.Equal("scram_sha512", trigger.Text("metadata.sasl"));
        Assert.Equal("enable", trigger.Text("metadata.tls"));
        Assert.Equal("es-sink-kafka", trigger.Text("authenticationRef.name"));
        Assert.Equal("4", documents.Single(d => d.Kind() == "ScaledObject").Text("spec.maxReplicaCount"));

        var pod = documents.Single(d => d.Kind() == "Deployment").Map("spec.template.spec");
        Assert.Equal("connect-user", pod.Text("containers.0.env.0.value"));
        var mounts = pod.List("containers.0.volumeMounts").Children.Cast<YamlMappingNode>().Select(m => m.Text("mountPath")).ToList();
        Assert.Contains("/var/run/secrets/serverless-connect/connect-user", mounts);
        Assert.Contains("/var/run/secrets/serverless-connect/my-cluster-cluster-ca-cert", mounts);
    }

    [Fact]
    public void A_plaintext_worker_gives_no_trigger_authentication()
    {
        Write("worker.yaml", PlainWorker);
        Write("es.yaml", Sink("es-sink", "orders"));
        var (files, _) = Generate();
        var documents = Documents(files, "sink-es-sink.yaml");
        Assert.DoesNotContain(documents, d => d.Kind() == "TriggerAuthentication");
        Assert.Null(documents.Single(d => d.Kind() == "ScaledObject").Find("spec.triggers.0.authenticationRef"));
    }

    [Theory]
    [InlineData("latest", "latest")]
    [InlineData("earliest", "earliest")]
    [InlineData(null, "earliest")]
    public void The_offset_reset_policy_follows_the_sinks_consumer(string? autoOffsetReset, string expected)
    {
        Write("worker.yaml", PlainWorker);
        Write("es.yaml", Sink("es-sink", "orders", extraConfig: autoOffsetReset is null ? null : $"consumer.override.auto.offset.reset: {autoOffsetReset}"));
        var (files, _) = Generate();
        var scaled = Documents(files, "sink-es-sink.yaml").Single(d => d.Kind() == "ScaledObject");
        Assert.Equal(expected, scaled.Text("spec.triggers.0.metadata.offsetResetPolicy"));
    }

    [Fact]
    public void Partition_counts_come_from_kafka_topics_then_the_annotation_and_otherwise_fall_back_to_tasks_max_with_a_warning()
    {
        Write("worker.yaml", PlainWorker);
        Write("topics.yaml", """
            apiVersion: kafka.strimzi.io/v1beta2
            kind: KafkaTopic
            metadata:
              name: orders-topic
            spec:
              topicName: orders
              partitions: 8
            """);
        Write("a.yaml", Sink("a-sink", "orders,products", annotations: "serverless.connect/partitions: products=5"));
        Write("b.yaml", Sink("b-sink", "unknown", tasksMax: 3));
        var (files, warnings) = Generate();
        Assert.Equal("13", Documents(files, "sink-a-sink.yaml").Single(d => d.Kind() == "ScaledObject").Text("spec.maxReplicaCount"));
        Assert.Equal("3", Documents(files, "sink-b-sink.yaml").Single(d => d.Kind() == "ScaledObject").Text("spec.maxReplicaCount"));
        Assert.Contains(warnings, w => w.Message.Contains("b-sink", StringComparison.Ordinal) && w.Message.Contains("unknown", StringComparison.Ordinal));
        Assert.DoesNotContain(warnings, w => w.Message.Contains("a-sink", StringComparison.Ordinal));
    }

    [Fact]
    public void Lag_thresholds_can_be_set_by_annotation_and_a_bad_value_names_the_annotation()
    {
        Write("worker.yaml", PlainWorker);
        Write("es.yaml", Sink("es-sink", "orders", annotations: "serverless.connect/lag-threshold: \"500\"\n    serverless.connect/activation-lag-threshold: \"20\""));
        var trigger = Documents(Generate().Files, "sink-es-sink.yaml").Single(d => d.Kind() == "ScaledObject").Map("spec.triggers.0.metadata");
        Assert.Equal("500", trigger.Text("lagThreshold"));
        Assert.Equal("20", trigger.Text("activationLagThreshold"));

        Write("es.yaml", Sink("es-sink", "orders", annotations: "serverless.connect/lag-threshold: lots"));
        var error = Assert.Throws<ConfigException>(() => Generate());
        Assert.Equal(SinkScaling.LagThresholdAnnotation, error.Key);
    }

    [Fact]
    public void A_topics_regex_sink_keeps_one_replica_and_measures_the_whole_group()
    {
        Write("worker.yaml", PlainWorker);
        Write("es.yaml", Sink("es-sink", topics: null, extraConfig: "topics.regex: orders-.*"));
        var (files, warnings) = Generate();
        var scaled = Documents(files, "sink-es-sink.yaml").Single(d => d.Kind() == "ScaledObject");
        Assert.Equal("1", scaled.Text("spec.minReplicaCount"));
        Assert.Null(scaled.Find("spec.triggers.0.metadata.topic"));
        Assert.Contains(warnings, w => w.Key == "topics.regex");
    }

    [Fact]
    public void A_paused_connector_is_held_at_zero_replicas()
    {
        Write("worker.yaml", PlainWorker);
        Write("es.yaml", Sink("es-sink", "orders", state: "paused"));
        var scaled = Documents(Generate().Files, "sink-es-sink.yaml").Single(d => d.Kind() == "ScaledObject");
        Assert.Equal("0", PausedReplicas(scaled));
    }

    [Fact]
    public void A_connector_without_a_worker_is_a_config_error()
    {
        Write("es.yaml", Sink("es-sink", "orders"));
        var error = Assert.Throws<ConfigException>(() => Generate());
        Assert.Contains("es-sink", error.Message, StringComparison.Ordinal);
        Assert.Contains("worker", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_literal_sasl_password_is_rejected_because_keda_needs_it_from_a_secret()
    {
        Write("worker.properties", """
            bootstrap.servers=kafka:9093
            group.id=connect-cluster
            security.protocol=SASL_SSL
            sasl.mechanism=PLAIN
            sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username="u" password="literal";
            """);
        Write("es.yaml", Sink("es-sink", "orders"));
        var error = Assert.Throws<ConfigException>(() => Generate());
        Assert.Equal("sasl.jaas.config", error.Key);
    }

    [Fact]
    public void Generation_is_deterministic()
    {
        Write("worker.yaml", SaslWorker);
        Write("es.yaml", Sink("es-sink", "orders,products"));
        Write("pg.yaml", SeedLikeSource);
        var first = Generate().Files;
        var second = Generate().Files;
        Assert.Equal(first.Select(f => (f.RelativePath, f.Content)), second.Select(f => (f.RelativePath, f.Content)));
        Assert.Equal(["cdc-reader.yaml", "connect-worker-secure-connect.yaml", "kustomization.yaml", "sink-es-sink.yaml"], first.Select(f => f.RelativePath));
    }

    private const string PlainWorker = """
        apiVersion: kafka.strimzi.io/v1beta2
        kind: KafkaConnect
        metadata:
          name: plain-connect
        spec:
          bootstrapServers: kafka:9092
        """;

    private const string SeedLikeSource = """
        apiVersion: kafka.strimzi.io/v1beta2
        kind: KafkaConnector
        metadata:
          name: pg-source
        spec:
          class: io.debezium.connector.postgresql.PostgresConnector
          config:
            database.hostname: postgres
            database.password: ${secrets:postgres:password}
            topic.prefix: cdc
        """;

    private static string PausedReplicas(YamlMappingNode scaled) =>
        ((YamlScalarNode)scaled.Map("metadata.annotations").Children[new YamlScalarNode("autoscaling.keda.sh/paused-replicas")]).Value!;

    private static string Sink(string name, string? topics, int? tasksMax = null, string? annotations = null, string? extraConfig = null, string? state = null) => $"""
        apiVersion: kafka.strimzi.io/v1beta2
        kind: KafkaConnector
        metadata:
          name: {name}
        {(annotations is null ? string.Empty : "  annotations:\n    " + annotations)}
        spec:
          class: io.confluent.connect.elasticsearch.ElasticsearchSinkConnector
        {(tasksMax is null ? string.Empty : $"  tasksMax: {tasksMax}")}
        {(state is null ? string.Empty : $"  state: {state}")}
          config:
            connection.url: http://elasticsearch:9200
        {(topics is null ? string.Empty : $"    topics: {topics}")}
        {(extraConfig is null ? string.Empty : "    " + extraConfig)}
        """;

    private static List<YamlMappingNode> Documents(IReadOnlyList<GeneratedFile> files, string path)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(files.Single(f => f.RelativePath == path).Content));
        return [.. stream.Documents.Select(d => (YamlMappingNode)d.RootNode)];
    }

    private void Write(string file, string text) => File.WriteAllText(Path.Combine(_dir, file), text);

    private (IReadOnlyList<GeneratedFile> Files, List<ConfigProblem> Warnings) Generate()
    {
        var warnings = new List<ConfigProblem>();
        var inventory = ConnectorInventory.Load(_dir);
        return (KubernetesManifestGenerator.Generate(inventory, new KubernetesOptions(), warnings), warnings);
    }
}
