using Serverless.Connect.Data;

namespace Serverless.Connect.Transforms.Tests.Chain.NoMutation;

/// <summary>
/// Sensible random settings for every built-in transformation and predicate, keyed by Kafka/Debezium class name. Field
/// names come from <see cref="RandomRecords.FieldNames"/> so the configured fields often exist in the random records.
/// </summary>
internal static class RandomConfigs
{
    private const string Kafka = "org.apache.kafka.connect.transforms.";

    private static readonly string[] s_castTypes = ["int8", "int16", "int32", "int64", "float32", "float64", "boolean", "string"];

    public static IReadOnlyDictionary<string, Func<RandomRecords, Dictionary<string, string>>> Transformations { get; } =
        new Dictionary<string, Func<RandomRecords, Dictionary<string, string>>>(StringComparer.Ordinal)
        {
            [Kafka + "DropHeaders"] = r => new() { ["headers"] = List(r, RandomRecords.HeaderNames) },
            [Kafka + "Filter"] = _ => [],
            [Kafka + "HeaderFrom$Key"] = HeaderFrom,
            [Kafka + "HeaderFrom$Value"] = HeaderFrom,
            [Kafka + "InsertHeader"] = r => new()
            {
                ["header"] = r.Pick(RandomRecords.HeaderNames),
                ["value.literal"] = r.Pick(["1", "true", "null", "[1, 2]", "{\"a\": 1.5}", "text", "2019-08-23", "1.5", "", "[1, \"x\"]"]),
            },
            [Kafka + "RegexRouter"] = r => new()
            {
                ["regex"] = r.Pick(["(.*)", "orders", "(.*)\\.(.*)", "a|ab", "prod-(.*)", "(?<db>[^.]+)\\.(.*)"]),
                ["replacement"] = r.Pick(["$1", "x", "prefix-$1", "$0", "${db}", "\\$1"]),
            },
            [Kafka + "TimestampRouter"] = r => Maybe(r, new()
            {
                ["topic.format"] = r.Pick(["${topic}-${timestamp}", "${timestamp}", "static", "${topic}"]),
                ["timestamp.format"] = r.Pick(["yyyyMMdd", "yyyy-MM-dd'T'HH", "YYYY-ww", "EEE, d MMM yyyy HH:mm:ss Z"]),
            }),
            [Kafka + "ExtractField$Key"] = ExtractField,
            [Kafka + "ExtractField$Value"] = ExtractField,
            [Kafka + "Flatten$Key"] = Flatten,
            [Kafka + "Flatten$Value"] = Flatten,
            [Kafka + "HoistField$Key"] = r => new() { ["field"] = Field(r) },
            [Kafka + "HoistField$Value"] = r => new() { ["field"] = Field(r) },
            [Kafka + "InsertField$Key"] = InsertField,
            [Kafka + "InsertField$Value"] = InsertField,
            [Kafka + "MaskField$Key"] = MaskField,
            [Kafka + "MaskField$Value"] = MaskField,
            [Kafka + "ReplaceField$Key"] = ReplaceField,
            [Kafka + "ReplaceField$Value"] = ReplaceField,
            [Kafka + "SetSchemaMetadata$Key"] = SetSchemaMetadata,
            [Kafka + "SetSchemaMetadata$Value"] = SetSchemaMetadata,
            [Kafka + "ValueToKey"] = r => ReplaceNull(r, new() { ["fields"] = List(r, RandomRecords.FieldNames) }),
            [Kafka + "Cast$Key"] = Cast,
            [Kafka + "Cast$Value"] = Cast,
            [Kafka + "TimestampConverter$Key"] = TimestampConverter,
            [Kafka + "TimestampConverter$Value"] = TimestampConverter,
            ["io.debezium.transforms.ExtractNewRecordState"] = ExtractNewRecordState,
            ["io.debezium.transforms.outbox.EventRouter"] = EventRouter,
        };

    public static IReadOnlyDictionary<string, Func<RandomRecords, Dictionary<string, string>>> Predicates { get; } =
        new Dictionary<string, Func<RandomRecords, Dictionary<string, string>>>(StringComparer.Ordinal)
        {
            [Kafka + "predicates.TopicNameMatches"] = r => new() { ["pattern"] = r.Pick(["orders", ".*\\.customers", "prod-.*", "(a|b)\\..*"]) },
            [Kafka + "predicates.HasHeaderKey"] = r => new() { ["name"] = r.Pick(RandomRecords.HeaderNames) },
            [Kafka + "predicates.RecordIsTombstone"] = _ => [],
        };

    private static Dictionary<string, string> HeaderFrom(RandomRecords r)
    {
        var count = 1 + (r.Chance(30) ? 1 : 0);
        return ReplaceNull(r, new()
        {
            ["fields"] = string.Join(",", Enumerable.Range(0, count).Select(_ => Field(r))),
            ["headers"] = string.Join(",", Enumerable.Range(0, count).Select(_ => r.Pick(RandomRecords.HeaderNames))),
            ["operation"] = r.Pick(["move", "copy"]),
        });
    }

    private static Dictionary<string, string> ExtractField(RandomRecords r) => ReplaceNull(r, r.Chance(30)
        ? new() { ["field"] = Field(r) + "." + Field(r), ["field.syntax.version"] = "V2" }
        : new() { ["field"] = Field(r) });

    private static Dictionary<string, string> Flatten(RandomRecords r) => Maybe(r, new() { ["delimiter"] = r.Pick([".", "_", "->"]) });

    private static Dictionary<string, string> InsertField(RandomRecords r)
    {
        var config = new Dictionary<string, string>();
        foreach (var key in new[] { "topic.field", "partition.field", "offset.field", "timestamp.field", "static.field" })
        {
            if (r.Chance(40))
            {
                config[key] = Field(r) + r.Pick(["", "!", "?"]);
            }
        }

        if (config.Count == 0 || r.Chance(30))
        {
            config["static.field"] = "static_" + Field(r);
        }

        if (config.ContainsKey("static.field"))
        {
            config["static.value"] = r.Pick(["v", "", "42"]);
        }

        return ReplaceNull(r, config);
    }

    private static Dictionary<string, string> MaskField(RandomRecords r)
    {
        var config = new Dictionary<string, string> { ["fields"] = List(r, RandomRecords.FieldNames) };
        if (r.Chance(40))
        {
            config["replacement"] = r.Pick(["0", "***", "1.5", "-7"]);
        }

        return ReplaceNull(r, config);
    }

    private static Dictionary<string, string> ReplaceField(RandomRecords r)
    {
        var config = new Dictionary<string, string>();
        if (r.Chance(50))
        {
            config["exclude"] = List(r, RandomRecords.FieldNames);
        }

        if (r.Chance(50))
        {
            config["include"] = List(r, RandomRecords.FieldNames);
        }

        if (r.Chance(50))
        {
            config["renames"] = r.Pick(["id:key", "name:label,amount:total", "nested:inner"]);
        }

        return ReplaceNull(r, config);
    }

    private static Dictionary<string, string> SetSchemaMetadata(RandomRecords r)
    {
        var config = new Dictionary<string, string>();
        if (r.Chance(70))
        {
            config["schema.name"] = r.Pick(["com.example.Renamed", "x"]);
        }

        if (r.Chance(50))
        {
            config["schema.version"] = r.Pick(["1", "7"]);
        }

        return ReplaceNull(r, config);
    }

    private static Dictionary<string, string> Cast(RandomRecords r) => ReplaceNull(r, new()
    {
        ["spec"] = r.Chance(30)
            ? r.Pick(s_castTypes)
            : string.Join(",", Enumerable.Range(0, 1 + (r.Chance(50) ? 1 : 0)).Select(_ => Field(r) + ":" + r.Pick(s_castTypes))),
    });

    private static Dictionary<string, string> TimestampConverter(RandomRecords r)
    {
        var target = r.Pick(["string", "unix", "Date", "Time", "Timestamp"]);
        var config = new Dictionary<string, string> { ["target.type"] = target };
        if (r.Chance(70))
        {
            config["field"] = Field(r);
        }

        if (target == "string" || r.Chance(30))
        {
            config["format"] = r.Pick(["yyyy-MM-dd", "yyyy-MM-dd'T'HH:mm:ss.SSSX", "HH:mm"]);
        }

        if (r.Chance(30))
        {
            config["unix.precision"] = r.Pick(["seconds", "milliseconds", "microseconds", "nanoseconds"]);
        }

        return ReplaceNull(r, config);
    }

    private static Dictionary<string, string> ExtractNewRecordState(RandomRecords r)
    {
        var config = new Dictionary<string, string>();
        if (r.Chance(50))
        {
            config["delete.tombstone.handling.mode"] = r.Pick(["drop", "tombstone", "rewrite", "rewrite-with-tombstone", "delete-to-tombstone"]);
        }
        else if (r.Chance(50))
        {
            config["drop.tombstones"] = r.Pick(["true", "false"]);
            config["delete.handling.mode"] = r.Pick(["drop", "rewrite", "none"]);
        }

        if (r.Chance(50))
        {
            config["add.fields"] = r.Pick(["op,table,lsn,source.ts_ms", "op:operation", "ts_ms,db"]);
        }

        if (r.Chance(40))
        {
            config["add.headers"] = r.Pick(["op,db", "table:tbl"]);
        }

        if (r.Chance(20))
        {
            config["route.by.field"] = "name";
        }

        if (r.Chance(20))
        {
            config["schemaless.envelopes"] = "unwrap";
        }

        return ReplaceNull(r, config);
    }

    private static Dictionary<string, string> EventRouter(RandomRecords r)
    {
        var config = new Dictionary<string, string>();
        if (r.Chance(40))
        {
            config["table.expand.json.payload"] = "true";
        }

        if (r.Chance(30))
        {
            config["route.by.field"] = "type";
        }

        if (r.Chance(30))
        {
            config["table.fields.additional.placement"] = r.Pick(["type:header:eventType", "aggregatetype:envelope:agg"]);
        }

        if (r.Chance(20))
        {
            config["route.topic.replacement"] = "events.${routedByValue}";
        }

        return config;
    }

    private static string Field(RandomRecords r) => r.Pick(RandomRecords.FieldNames);

    private static string List(RandomRecords r, IReadOnlyList<string> names) =>
        string.Join(",", Enumerable.Range(0, 1 + (r.Chance(40) ? 1 : 0)).Select(_ => r.Pick(names)).Distinct());

    private static Dictionary<string, string> ReplaceNull(RandomRecords r, Dictionary<string, string> config)
    {
        if (r.Chance(30))
        {
            config["replace.null.with.default"] = r.Pick(["true", "false"]);
        }

        return config;
    }

    private static Dictionary<string, string> Maybe(RandomRecords r, Dictionary<string, string> config) => r.Chance(20) ? [] : config;
}
