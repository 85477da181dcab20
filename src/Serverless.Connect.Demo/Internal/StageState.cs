namespace Serverless.Connect.Demo.Internal;

/// <summary>Where a pipeline stage is.</summary>
internal enum StageState
{
    Starting,
    Running,
    Waiting,
    Skipped,
    Stopped,
    Failed,
}
