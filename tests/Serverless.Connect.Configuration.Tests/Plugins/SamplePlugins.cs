using Serverless.Connect.Configuration.Plugins;
using Serverless.Connect.Configuration.Validation;

namespace Serverless.Connect.Configuration.Tests.Plugins;

/// <summary>Descriptors shaped like the ones connector and transform projects will register.</summary>
internal static class SamplePlugins
{
    public static PluginRegistry Registry()
    {
        var registry = new PluginRegistry();
        registry.Register(new PluginDescriptor("io.confluent.connect.elasticsearch.ElasticsearchSinkConnector", PluginKind.Sink)
        {
            Config = new ConfigDef()
                .Define("connection.url", ConfigType.List, Importance.High, "Elasticsearch URLs.")
                .Define("batch.size", ConfigType.Int, 2000, NumberRange.Between(1, 1_000_000), Importance.Medium, "Records per bulk request.")
                .Define("key.ignore", ConfigType.Boolean, false, Importance.High, "Use topic+partition+offset as id.")
                .Define("schema.ignore", ConfigType.Boolean, false, Importance.Low, "Do not push mappings.")
                .Define("behavior.on.null.values", ConfigType.String, "FAIL", CaseInsensitiveValidString.In("IGNORE", "DELETE", "FAIL"), Importance.Low, "Tombstones.")
                .Define("write.method", ConfigType.String, "INSERT", CaseInsensitiveValidString.In("INSERT", "UPSERT"), Importance.Low, "Insert or upsert.")
                .DefineRemoved("type.name", "removed in 11.0.0; Elasticsearch 7+ is typeless"),
            Validator = config => config.TryGetValue("batch.size", out var size) && size == "7" ? [new ConfigProblem("batch.size", "seven is unlucky")] : [],
        });
        registry.Register(new PluginDescriptor("io.confluent.connect.s3.S3SinkConnector", PluginKind.Sink)
        {
            Config = new ConfigDef()
                .Define("s3.bucket.name", ConfigType.String, Importance.High, "Bucket.")
                .Define("flush.size", ConfigType.Int, Importance.High, "Records per file.")
                .Define("storage.class", ConfigType.Class, Importance.High, "Storage.")
                .Define("format.class", ConfigType.Class, Importance.High, "Format."),
        });
        registry.Register(new PluginDescriptor("io.debezium.connector.postgresql.PostgresConnector", PluginKind.Source)
        {
            Config = new ConfigDef()
                .Define("database.hostname", ConfigType.String, Importance.High, "Host.")
                .Define("database.port", ConfigType.Int, 5432, Importance.High, "Port.")
                .Define("database.password", ConfigType.Password, Importance.High, "Password.")
                .Define("snapshot.mode", ConfigType.String, "initial", CaseInsensitiveValidString.In("initial", "always", "never", "no_data", "when_needed"), Importance.Low, "Snapshot.")
                .DefineRenamed("table.whitelist", "table.include.list")
                .Define("table.include.list", ConfigType.List, "", Importance.High, "Tables."),
        });
        registry.Register(new PluginDescriptor("io.debezium.transforms.ExtractNewRecordState", PluginKind.Transformation)
        {
            Config = new ConfigDef().DefineDeprecated("drop.tombstones", ConfigType.Boolean, true, "Drop tombstones.", "use delete.tombstone.handling.mode"),
        });
        registry.Register(new PluginDescriptor("io.debezium.transforms.outbox.EventRouter", PluginKind.Transformation));
        registry.Register(new PluginDescriptor("org.apache.kafka.connect.transforms.RegexRouter", PluginKind.Transformation)
        {
            Config = new ConfigDef()
                .Define("regex", ConfigType.String, Importance.High, "Regex.")
                .Define("replacement", ConfigType.String, Importance.High, "Replacement."),
            Validator = config => config.GetValueOrDefault("regex") == "(" ? [new ConfigProblem("regex", "bad regex")] : [],
        });
        registry.Register(new PluginDescriptor("org.apache.kafka.connect.transforms.Filter", PluginKind.Transformation));
        registry.Register(new PluginDescriptor("org.apache.kafka.connect.transforms.ExtractField$Value", PluginKind.Transformation)
        {
            Config = new ConfigDef().Define("field", ConfigType.String, Importance.High, "Field."),
        });
        registry.Register(new PluginDescriptor("org.apache.kafka.connect.transforms.ExtractField$Key", PluginKind.Transformation));
        registry.Register(new PluginDescriptor("org.apache.kafka.connect.transforms.InsertField$Value", PluginKind.Transformation));
        registry.Register(new PluginDescriptor("org.apache.kafka.connect.transforms.predicates.RecordIsTombstone", PluginKind.Predicate));
        registry.Register(new PluginDescriptor("org.apache.kafka.connect.transforms.predicates.TopicNameMatches", PluginKind.Predicate)
        {
            Config = new ConfigDef().Define("pattern", ConfigType.String, Importance.High, "Pattern."),
        });
        var jsonConfig = new ConfigDef().Define("schemas.enable", ConfigType.Boolean, true, Importance.High, "Embed schemas.");
        registry.Register(new PluginDescriptor("org.apache.kafka.connect.json.JsonConverter", PluginKind.Converter) { Config = jsonConfig });
        registry.Register(new PluginDescriptor("org.apache.kafka.connect.json.JsonConverter", PluginKind.HeaderConverter) { Config = jsonConfig });
        registry.Register(new PluginDescriptor("io.confluent.connect.avro.AvroConverter", PluginKind.Converter)
        {
            Config = new ConfigDef().Define("schema.registry.url", ConfigType.List, Importance.High, "Registry URLs."),
        });
        registry.Register(new PluginDescriptor("org.apache.kafka.connect.storage.SimpleHeaderConverter", PluginKind.HeaderConverter));
        return registry;
    }
}
