using Serverless.Connect.CdcReader;
using Serverless.Connect.Errors;

namespace Serverless.Connect.Sources.Postgres.Tests;

public sealed class CdcReaderHostTests
{
    [Fact]
    public void Loads_a_pasted_Strimzi_KafkaConnector_with_a_worker_and_a_secret()
    {
        var dir = Directory.CreateTempSubdirectory("cdc-host-");
        try
        {
            Environment.SetEnvironmentVariable("SC_SECRET_CDCHOSTTEST_PASSWORD", "s3cret");
            File.WriteAllText(Path.Combine(dir.FullName, "source.yaml"), """
                apiVersion: kafka.strimzi.io/v1beta2
                kind: KafkaConnector
                metadata:
                  name: postgres-source
                spec:
                  class: io.debezium.connector.postgresql.PostgresConnector
                  tasksMax: 1
                  config:
                    database.hostname: postgres
                    database.port: "5432"
                    database.user: debezium
                    database.password: ${secrets:cdchosttest:password}
                    database.dbname: orders
                    topic.prefix: cdc.orders
                    table.include.list: public.orders,public.customers
                    plugin.name: pgoutput
                    slot.name: debezium_orders
                    publication.name: dbz_publication
                    snapshot.mode: initial
                """);
            var worker = Path.Combine(dir.FullName, "worker.properties");
            File.WriteAllText(worker, "bootstrap.servers=kafka:9092\ngroup.id=connect\n");

            var connectors = CdcReaderHost.LoadConnectors(Path.Combine(dir.FullName, "source.yaml"), worker);

            var config = Assert.Single(connectors).Source.Config;
            Assert.Equal("postgres-source", config.Name);
            Assert.Equal("cdc.orders", config.TopicPrefix);
            Assert.Equal("debezium_orders", config.SlotName);
            Assert.Equal(SnapshotMode.Initial, config.SnapshotMode);
            Assert.Equal("s3cret", config.Parsed.GetPassword("database.password")!.Value);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public void A_config_without_a_PostgresConnector_is_an_error()
    {
        var file = Path.Combine(Directory.CreateTempSubdirectory("cdc-host-").FullName, "sink.properties");
        File.WriteAllText(file, "name=s\nconnector.class=io.confluent.connect.s3.S3SinkConnector\ntopics=a\n");

        var error = Assert.Throws<ConnectException>(() => CdcReaderHost.LoadConnectors(file, null));

        Assert.Contains("No running io.debezium.connector.postgresql.PostgresConnector", error.Message, StringComparison.Ordinal);
    }
}
