using Serverless.Connect.Transforms.Kafka;
using Serverless.Connect.Transforms.Predicates;

namespace Serverless.Connect.Transforms.Chain;

/// <summary>Every transformation and predicate this project implements: the one list the registries are built from.</summary>
public static class BuiltInTransforms
{
    /// <summary>The built-in plugins, transformations first, each under its Kafka (or Debezium) class name.</summary>
    public static IReadOnlyList<TransformPlugin> All { get; } =
    [
        TransformPlugin.Transformation(DropHeaders.ClassName, DropHeaders.ConfigDef, () => new DropHeaders()),
        TransformPlugin.Transformation(Filter.ClassName, Filter.ConfigDef, () => new Filter()),
        TransformPlugin.Transformation(HeaderFrom.KeyClassName, HeaderFrom.ConfigDef, () => new HeaderFrom.Key()),
        TransformPlugin.Transformation(HeaderFrom.ValueClassName, HeaderFrom.ConfigDef, () => new HeaderFrom.Value()),
        TransformPlugin.Transformation(InsertHeader.ClassName, InsertHeader.ConfigDef, () => new InsertHeader()),
        TransformPlugin.Transformation(RegexRouter.ClassName, RegexRouter.ConfigDef, () => new RegexRouter()),
        TransformPlugin.Transformation(TimestampRouter.ClassName, TimestampRouter.ConfigDef, () => new TimestampRouter()),
        TransformPlugin.Predicate(HasHeaderKey.ClassName, HasHeaderKey.ConfigDef, () => new HasHeaderKey()),
        TransformPlugin.Predicate(RecordIsTombstone.ClassName, RecordIsTombstone.ConfigDef, () => new RecordIsTombstone()),
        TransformPlugin.Predicate(TopicNameMatches.ClassName, TopicNameMatches.ConfigDef, () => new TopicNameMatches()),
    ];
}
