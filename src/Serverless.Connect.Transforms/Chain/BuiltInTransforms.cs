using Serverless.Connect.Transforms.Debezium;
using Serverless.Connect.Transforms.Kafka;
using Serverless.Connect.Transforms.Predicates;

namespace Serverless.Connect.Transforms.Chain;

/// <summary>Every transformation and predicate this project implements: the one list the registries are built from.</summary>
public static class BuiltInTransforms
{
    /// <summary>The built-in plugins, transformations first, each under its Kafka (or Debezium) class name.</summary>
    public static IReadOnlyList<TransformPlugin> All { get; } =
    [
        TransformPlugin.Transformation(Cast.KeyClassName, Cast.ConfigDef, () => new Cast.Key()),
        TransformPlugin.Transformation(Cast.ValueClassName, Cast.ConfigDef, () => new Cast.Value()),
        TransformPlugin.Transformation(DropHeaders.ClassName, DropHeaders.ConfigDef, () => new DropHeaders()),
        TransformPlugin.Transformation(ExtractField.KeyClassName, ExtractField.ConfigDef, () => new ExtractField.Key()),
        TransformPlugin.Transformation(ExtractField.ValueClassName, ExtractField.ConfigDef, () => new ExtractField.Value()),
        TransformPlugin.Transformation(Filter.ClassName, Filter.ConfigDef, () => new Filter()),
        TransformPlugin.Transformation(Flatten.KeyClassName, Flatten.ConfigDef, () => new Flatten.Key()),
        TransformPlugin.Transformation(Flatten.ValueClassName, Flatten.ConfigDef, () => new Flatten.Value()),
        TransformPlugin.Transformation(HeaderFrom.KeyClassName, HeaderFrom.ConfigDef, () => new HeaderFrom.Key()),
        TransformPlugin.Transformation(HeaderFrom.ValueClassName, HeaderFrom.ConfigDef, () => new HeaderFrom.Value()),
        TransformPlugin.Transformation(HoistField.KeyClassName, HoistField.ConfigDef, () => new HoistField.Key()),
        TransformPlugin.Transformation(HoistField.ValueClassName, HoistField.ConfigDef, () => new HoistField.Value()),
        TransformPlugin.Transformation(InsertField.KeyClassName, InsertField.ConfigDef, () => new InsertField.Key()),
        TransformPlugin.Transformation(InsertField.ValueClassName, InsertField.ConfigDef, () => new InsertField.Value()),
        TransformPlugin.Transformation(InsertHeader.ClassName, InsertHeader.ConfigDef, () => new InsertHeader()),
        TransformPlugin.Transformation(MaskField.KeyClassName, MaskField.ConfigDef, () => new MaskField.Key()),
        TransformPlugin.Transformation(MaskField.ValueClassName, MaskField.ConfigDef, () => new MaskField.Value()),
        TransformPlugin.Transformation(RegexRouter.ClassName, RegexRouter.ConfigDef, () => new RegexRouter()),
        TransformPlugin.Transformation(ReplaceField.KeyClassName, ReplaceField.ConfigDef, () => new ReplaceField.Key()),
        TransformPlugin.Transformation(ReplaceField.ValueClassName, ReplaceField.ConfigDef, () => new ReplaceField.Value()),
        TransformPlugin.Transformation(SetSchemaMetadata.KeyClassName, SetSchemaMetadata.ConfigDef, () => new SetSchemaMetadata.Key()),
        TransformPlugin.Transformation(SetSchemaMetadata.ValueClassName, SetSchemaMetadata.ConfigDef, () => new SetSchemaMetadata.Value()),
        TransformPlugin.Transformation(TimestampConverter.KeyClassName, TimestampConverter.ConfigDef, () => new TimestampConverter.Key()),
        TransformPlugin.Transformation(TimestampConverter.ValueClassName, TimestampConverter.ConfigDef, () => new TimestampConverter.Value()),
        TransformPlugin.Transformation(TimestampRouter.ClassName, TimestampRouter.ConfigDef, () => new TimestampRouter()),
        TransformPlugin.Transformation(ValueToKey.ClassName, ValueToKey.ConfigDef, () => new ValueToKey()),
        TransformPlugin.Transformation(ExtractNewRecordState.ClassName, ExtractNewRecordState.ConfigDef, () => new ExtractNewRecordState()),
        TransformPlugin.Transformation(EventRouter.ClassName, EventRouter.ConfigDef, () => new EventRouter()),
        TransformPlugin.Predicate(HasHeaderKey.ClassName, HasHeaderKey.ConfigDef, () => new HasHeaderKey()),
        TransformPlugin.Predicate(RecordIsTombstone.ClassName, RecordIsTombstone.ConfigDef, () => new RecordIsTombstone()),
        TransformPlugin.Predicate(TopicNameMatches.ClassName, TopicNameMatches.ConfigDef, () => new TopicNameMatches()),
    ];
}
