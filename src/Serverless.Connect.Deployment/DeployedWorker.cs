using Serverless.Connect.Configuration;

namespace Serverless.Connect.Deployment;

/// <summary>A worker config as it will be mounted: its values and the text of its source document.</summary>
/// <param name="Config">The loaded worker.</param>
/// <param name="FileName">The file name it is mounted under.</param>
/// <param name="Text">The source text (the original file, or its own document of a multi-document file).</param>
public sealed record DeployedWorker(WorkerConfig Config, string FileName, string Text);
