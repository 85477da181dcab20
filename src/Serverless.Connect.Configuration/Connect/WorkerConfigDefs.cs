using Serverless.Connect.Configuration.Validation;

namespace Serverless.Connect.Configuration.Connect;

/// <summary>The main settings of a distributed Kafka Connect worker (Kafka's <c>WorkerConfig</c> and <c>DistributedConfig</c>).</summary>
/// <remarks>Only the settings Serverless.Connect uses or users commonly set; other worker keys are accepted unchecked.</remarks>
public static class WorkerConfigDefs
{
    /// <summary>The distributed worker definition.</summary>
    /// <returns>A new definition.</returns>
    public static ConfigDef CreateDistributed() =>
        new ConfigDef()
            .Define(WorkerConfig.BootstrapServersKey, ConfigType.List, "localhost:9092", new NonNullValidator(), Importance.High, "Kafka brokers to bootstrap from.")
            .Define("group.id", ConfigType.String, Importance.High, "The Connect cluster's group id.")
            .Define(ConnectConfigDefs.KeyConverter, ConfigType.Class, Importance.High, "Default key converter.")
            .Define(ConnectConfigDefs.ValueConverter, ConfigType.Class, Importance.High, "Default value converter.")
            .Define(ConnectConfigDefs.HeaderConverter, ConfigType.Class, ConnectorConfigMerger.DefaultHeaderConverter, Importance.Low, "Default header converter.")
            .Define("config.storage.topic", ConfigType.String, Importance.High, "Topic storing connector configurations.")
            .Define("offset.storage.topic", ConfigType.String, Importance.High, "Topic storing source offsets.")
            .Define("status.storage.topic", ConfigType.String, Importance.High, "Topic storing connector and task status.")
            .Define("config.storage.replication.factor", ConfigType.Short, (short)3, Importance.Low, "Replication factor of the config topic.")
            .Define("offset.storage.replication.factor", ConfigType.Short, (short)3, Importance.Low, "Replication factor of the offsets topic.")
            .Define("status.storage.replication.factor", ConfigType.Short, (short)3, Importance.Low, "Replication factor of the status topic.")
            .Define("offset.flush.interval.ms", ConfigType.Long, 60000L, Importance.Low, "How often source offsets are committed.")
            .Define("offset.flush.timeout.ms", ConfigType.Long, 5000L, Importance.Low, "How long an offset commit may take.")
            .Define("task.shutdown.graceful.timeout.ms", ConfigType.Long, 5000L, Importance.Low, "How long tasks get to stop.")
            .Define("config.providers", ConfigType.List, "", Importance.Low, "Aliases of config providers.");
}
