namespace Serverless.Connect.Transforms.Chain.Internal;

/// <summary>The error for a plugin used before <c>Configure</c>.</summary>
internal static class NotConfigured
{
    public static InvalidOperationException For(string className) => new($"{className} has not been configured.");
}
