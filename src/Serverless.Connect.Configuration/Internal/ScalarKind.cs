namespace Serverless.Connect.Configuration.Internal;

/// <summary>The JSON type a scalar would have after kubectl's YAML-to-JSON conversion.</summary>
internal enum ScalarKind
{
    String,
    Number,
    Boolean,
    Null,
}
