using Serverless.Connect.Configuration.Loading;

namespace Serverless.Connect.Configuration.Tests.Loading;

public sealed class StrimziYamlTests
{
    private static readonly ConnectConfigLoader _loader = new(DictionaryEnvironmentVariables.Empty);

    private static ConfigLoadResult Load(string yaml) => _loader.LoadText(yaml, ConfigFormat.Yaml, "test.yaml");

    private static ConnectorConfig LoadOne(string config) => Assert.Single(Load($"""
        apiVersion: kafka.strimzi.io/v1
        kind: KafkaConnector
        metadata:
          name: c1
        spec:
          class: org.example.MyConnector
          config:
        {config}
        """).Connectors);

    [Fact]
    public void MultiDocumentFile_LoadsEveryConnectorAndWorkerAndSkipsOtherKinds()
    {
        var result = Load("""
            apiVersion: kafka.strimzi.io/v1beta2
            kind: KafkaConnector
            metadata: { name: first, labels: { strimzi.io/cluster: b } }
            spec: { class: org.example.A, tasksMax: 2, config: { topics: t1 } }
            ---
            apiVersion: kafka.strimzi.io/v1
            kind: KafkaConnector
            metadata:
              name: second
            spec:
              class: org.example.B
            ---
            apiVersion: v1
            kind: Secret
            metadata:
              name: postgres
            ---
            apiVersion: kafka.strimzi.io/v1beta2
            kind: KafkaConnect
            metadata: { name: a }
            spec: { bootstrapServers: "a:9092" }
            ---
            apiVersion: kafka.strimzi.io/v1beta2
            kind: KafkaConnect
            metadata: { name: b }
            spec: { bootstrapServers: "b:9092" }
            ---
            """);

        Assert.Equal(["first", "second"], result.Connectors.Select(c => c.Name).ToArray());
        Assert.Equal(2, result.Connectors[0].TasksMax);
        Assert.Null(result.Connectors[1].TasksMax);
        Assert.False(result.Connectors[1].Values.ContainsKey("tasks.max"));
        Assert.Equal("b", result.FindWorker(result.Connectors[0])!.Name);
        Assert.Null(result.FindWorker(result.Connectors[1]));
        Assert.Contains(result.Warnings, w => w.Key == "kind" && w.Message.Contains("Secret", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("yes", "true")]
    [InlineData("On", "true")]
    [InlineData("TRUE", "true")]
    [InlineData("no", "false")]
    [InlineData("off", "false")]
    [InlineData("5432", "5432")]
    [InlineData("-17", "-17")]
    [InlineData("0x1F", "31")]
    [InlineData("0755", "493")]
    [InlineData("1_000", "1000")]
    [InlineData("1.0", "1")]
    [InlineData("1.5", "1.5")]
    [InlineData("0.0001", "1.0E-4")]
    [InlineData("'5432'", "5432")]
    [InlineData("\"true\"", "true")]
    [InlineData("'yes'", "yes")]
    [InlineData("\"1.0\"", "1.0")]
    [InlineData("!!str 0x1F", "0x1F")]
    [InlineData("2024-01-01", "2024-01-01")]
    [InlineData("http://host:9200", "http://host:9200")]
    [InlineData("a,b , c", "a,b , c")]
    public void ScalarValues_AreStringifiedAsConnectReceivesThemThroughKubectl(string yaml, string expected)
    {
        Assert.Equal(expected, LoadOne($"    key: {yaml}")["key"]);
    }

    [Fact]
    public void BlockScalars_KeepTheirText()
    {
        var connector = LoadOne("""
                literal: |
                  line1
                  line2
                folded: >
                  a
                  b
                after: x
            """);

        Assert.Equal("line1\nline2\n", connector["literal"]);
        Assert.Equal("a b\n", connector["folded"]);
    }

    [Fact]
    public void NullValues_AreDroppedWithAWarning()
    {
        var connector = LoadOne("""
                empty:
                tilde: ~
                kept: x
            """);

        Assert.False(connector.Values.ContainsKey("empty"));
        Assert.False(connector.Values.ContainsKey("tilde"));
        Assert.Equal("x", connector["kept"]);
        Assert.Equal(2, connector.Warnings.Count(w => w.Message.Contains("null", StringComparison.Ordinal)));
    }

    [Fact]
    public void NestedValue_IsAnErrorNamingTheKeyAndLine()
    {
        var error = Assert.Throws<ConfigLoadException>(() => Load("""
            apiVersion: kafka.strimzi.io/v1beta2
            kind: KafkaConnector
            metadata:
              name: c1
            spec:
              class: org.example.A
              config:
                topics:
                  - a
                  - b
            """));

        var problem = Assert.Single(error.Problems);
        Assert.Equal("topics", problem.Key);
        Assert.Equal("test.yaml:9", problem.Location);
        Assert.Contains("spec.config.topics must be a string, number or boolean", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MissingNameAndClass_AreReportedTogether()
    {
        var error = Assert.Throws<ConfigLoadException>(() => Load("""
            apiVersion: kafka.strimzi.io/v1beta2
            kind: KafkaConnector
            metadata: {}
            spec:
              config: { a: b }
            """));

        Assert.Contains(error.Problems, p => p.Key == "metadata.name");
        Assert.Contains(error.Problems, p => p.Key == "spec.class");
    }

    [Fact]
    public void NonStrimziApiVersion_IsAnError()
    {
        var error = Assert.Throws<ConfigLoadException>(() => Load("""
            apiVersion: example.com/v1
            kind: KafkaConnector
            metadata: { name: x }
            spec: { class: A }
            """));

        Assert.Contains("apiVersion", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownStrimziVersion_LoadsWithAWarning()
    {
        var result = Load("""
            apiVersion: kafka.strimzi.io/v2
            kind: KafkaConnector
            metadata: { name: x }
            spec: { class: A }
            """);

        Assert.Single(result.Connectors);
        Assert.Contains(result.Warnings, w => w.Key == "apiVersion");
    }

    [Fact]
    public void ConnectorClassAndTasksMaxInSpecConfig_LoseToSpecWithWarnings()
    {
        var result = Load("""
            apiVersion: kafka.strimzi.io/v1beta2
            kind: KafkaConnector
            metadata: { name: x }
            spec:
              class: org.example.Real
              tasksMax: 4
              config:
                connector.class: org.example.Ignored
                tasks.max: 9
                name: other
                topics: t
            """);

        var connector = Assert.Single(result.Connectors);
        Assert.Equal("org.example.Real", connector.ConnectorClass);
        Assert.Equal("org.example.Real", connector["connector.class"]);
        Assert.Equal("4", connector["tasks.max"]);
        Assert.Equal("x", connector["name"]);
        Assert.Equal(3, connector.Warnings.Count(w => w.Message.Contains("cannot be set", StringComparison.Ordinal)));
    }

    [Fact]
    public void MissingSpecClass_FallsBackToConfigConnectorClass()
    {
        var connector = Assert.Single(Load("""
            apiVersion: kafka.strimzi.io/v1beta2
            kind: KafkaConnector
            metadata: { name: x }
            spec:
              config: { connector.class: org.example.FromConfig }
            """).Connectors);

        Assert.Equal("org.example.FromConfig", connector.ConnectorClass);
        Assert.Contains(connector.Warnings, w => w.Key == "spec.class");
    }

    [Theory]
    [InlineData("state: paused", ConnectorState.Paused)]
    [InlineData("state: stopped", ConnectorState.Stopped)]
    [InlineData("pause: true", ConnectorState.Paused)]
    [InlineData("state: running", ConnectorState.Running)]
    public void State_IsRead(string line, ConnectorState expected)
    {
        var connector = Assert.Single(Load($$"""
            apiVersion: kafka.strimzi.io/v1beta2
            kind: KafkaConnector
            metadata: { name: x }
            spec:
              class: A
              {{line}}
            """).Connectors);

        Assert.Equal(expected, connector.State);
    }

    [Fact]
    public void AnchorsAndMergeKeys_Work()
    {
        var connector = Assert.Single(Load("""
            apiVersion: kafka.strimzi.io/v1beta2
            kind: KafkaConnector
            metadata: { name: x }
            spec:
              class: A
              config:
                <<: &common
                  errors.tolerance: all
                  errors.log.enable: true
                errors.tolerance: none
                copy: &host db.internal
                database.hostname: *host
            """).Connectors);

        Assert.Equal("none", connector["errors.tolerance"]);
        Assert.Equal("true", connector["errors.log.enable"]);
        Assert.Equal("db.internal", connector["database.hostname"]);
    }

    [Fact]
    public void KubernetesList_IsUnwrapped()
    {
        var result = Load("""
            apiVersion: v1
            kind: List
            items:
              - apiVersion: kafka.strimzi.io/v1beta2
                kind: KafkaConnector
                metadata: { name: one }
                spec: { class: A }
              - apiVersion: kafka.strimzi.io/v1beta2
                kind: KafkaConnector
                metadata: { name: two }
                spec: { class: B }
            """);

        Assert.Equal(["one", "two"], result.Connectors.Select(c => c.Name).ToArray());
    }

    [Fact]
    public void DuplicateConnectorNames_AreAnError()
    {
        var error = Assert.Throws<ConfigLoadException>(() => Load("""
            apiVersion: kafka.strimzi.io/v1beta2
            kind: KafkaConnector
            metadata: { name: same }
            spec: { class: A }
            ---
            apiVersion: kafka.strimzi.io/v1beta2
            kind: KafkaConnector
            metadata: { name: same }
            spec: { class: B }
            """));

        Assert.Contains("'same' is defined more than once", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void InvalidYaml_ReportsTheLocation()
    {
        var error = Assert.Throws<ConfigLoadException>(() => Load("spec: [unclosed"));

        Assert.Contains("test.yaml:", error.Message, StringComparison.Ordinal);
        Assert.Contains("invalid YAML", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void KubectlJsonOutput_IsReadLikeYaml()
    {
        var result = _loader.LoadText(
            """{"apiVersion":"kafka.strimzi.io/v1beta2","kind":"KafkaConnector","metadata":{"name":"j"},"spec":{"class":"A","tasksMax":2,"config":{"port":5432,"flag":true}}}""",
            ConfigFormat.Auto,
            "resource.json");

        var connector = Assert.Single(result.Connectors);
        Assert.Equal("5432", connector["port"]);
        Assert.Equal("true", connector["flag"]);
        Assert.Equal(2, connector.TasksMax);
    }

    [Fact]
    public void KafkaConnect_AppliesStrimziDefaultsAndDropsManagedKeys()
    {
        var worker = Assert.Single(Load("""
            apiVersion: kafka.strimzi.io/v1beta2
            kind: KafkaConnect
            metadata: { name: w }
            spec:
              bootstrapServers: kafka:9093
              config:
                group.id: mine
                bootstrap.servers: ignored:1
                ssl.truststore.location: /ignored
                ssl.endpoint.identification.algorithm: ""
                config.providers: file
                config.providers.file.class: org.apache.kafka.common.config.provider.FileConfigProvider
            """).Workers);

        Assert.Equal("kafka:9093", worker.BootstrapServers);
        Assert.Equal("mine", worker["group.id"]);
        Assert.Equal("connect-cluster-offsets", worker["offset.storage.topic"]);
        Assert.Equal("connect-cluster-configs", worker["config.storage.topic"]);
        Assert.Equal("connect-cluster-status", worker["status.storage.topic"]);
        Assert.Equal("org.apache.kafka.connect.json.JsonConverter", worker["value.converter"]);
        Assert.Null(worker["ssl.truststore.location"]);
        Assert.Equal(string.Empty, worker["ssl.endpoint.identification.algorithm"]);
        Assert.Equal("file", worker["config.providers"]);
        Assert.Contains(worker.Warnings, w => w.Key == "ssl.truststore.location");
        Assert.Contains(worker.Warnings, w => w.Key == "bootstrap.servers");
    }

    [Fact]
    public void KafkaConnect_TranslatesTlsAndScramAuthenticationIntoSecretReferences()
    {
        var worker = Assert.Single(Load("""
            apiVersion: kafka.strimzi.io/v1beta2
            kind: KafkaConnect
            metadata: { name: w, namespace: kafka }
            spec:
              bootstrapServers: kafka:9093
              tls:
                trustedCertificates:
                  - secretName: my-cluster-cluster-ca-cert
                    certificate: ca.crt
              authentication:
                type: scram-sha-512
                username: connect
                passwordSecret:
                  secretName: connect-user
                  password: password
            """).Workers);

        Assert.Equal("SASL_SSL", worker["security.protocol"]);
        Assert.Equal("SCRAM-SHA-512", worker["sasl.mechanism"]);
        Assert.Equal(
            "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"connect\" password=\"${secrets:kafka/connect-user:password}\";",
            worker["sasl.jaas.config"]);
        Assert.Equal("PEM", worker["ssl.truststore.type"]);
        Assert.Equal("${secrets:kafka/my-cluster-cluster-ca-cert:ca.crt}", worker["ssl.truststore.certificates"]);
    }

    [Fact]
    public void KafkaConnect_TranslatesTlsClientAuthentication()
    {
        var worker = Assert.Single(Load("""
            apiVersion: kafka.strimzi.io/v1beta2
            kind: KafkaConnect
            metadata: { name: w }
            spec:
              bootstrapServers: kafka:9093
              tls: { trustedCertificates: [ { secretName: ca, certificate: ca.crt } ] }
              authentication:
                type: tls
                certificateAndKey: { secretName: user, certificate: user.crt, key: user.key }
            """).Workers);

        Assert.Equal("SSL", worker["security.protocol"]);
        Assert.Equal("${secrets:user:user.crt}", worker["ssl.keystore.certificate.chain"]);
        Assert.Equal("${secrets:user:user.key}", worker["ssl.keystore.key"]);
    }
}
