namespace Serverless.Connect.Transforms.Debezium.Internal;

/// <summary>The values of <c>table.op.invalid.behavior</c>: what the outbox router does with an update event.</summary>
internal enum InvalidOperationBehavior
{
    Warn,
    Error,
    Fatal,
}
