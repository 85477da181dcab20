namespace Serverless.Connect.Deployment.Kubernetes;

/// <summary>Choices for the generated manifests that do not come from connector configs.</summary>
public sealed record KubernetesOptions
{
    /// <summary>The cdc-reader image (built from <c>cdc-reader/Dockerfile</c>).</summary>
    public string CdcReaderImage { get; init; } = "serverless-connect/cdc-reader:latest";

    /// <summary>The standalone sink host image (built from <c>infra/docker/sink-host.Dockerfile</c>).</summary>
    public string SinkImage { get; init; } = "serverless-connect/sink-host:latest";

    /// <summary>The namespace written into every resource, or null to leave it to <c>kubectl -n</c> / kustomize.</summary>
    public string? Namespace { get; init; }
}
