using Serverless.Connect.TestUtilities;

namespace Serverless.Connect.Infra.Tests;

internal static class InfraPaths
{
    public static string SeedConnectors => Path.Combine(RepositoryPaths.Root, "examples", "connectors");

    public static string Kubernetes => Path.Combine(RepositoryPaths.Root, "infra", "k8s");

    public static string Bicep => Path.Combine(RepositoryPaths.Root, "infra", "bicep");

    public static string Terraform => Path.Combine(RepositoryPaths.Root, "infra", "terraform");

    public static string Local => Path.Combine(RepositoryPaths.Root, "infra", "local");
}
