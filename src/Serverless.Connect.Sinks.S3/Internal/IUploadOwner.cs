namespace Serverless.Connect.Sinks.S3.Internal;

/// <summary>A file writer whose multipart upload id (once started) is recorded in checkpoints, so that a successor can abort it.</summary>
internal interface IUploadOwner
{
    string? UploadId { get; }
}
