using System.Reflection;
using Amazon.S3;

namespace Serverless.Connect.Sinks.S3.Tests;

/// <summary>
/// An S3 client that "dies" after a given number of requests: every later request fails without being sent, like a
/// process killed between two requests. (Cancelling an HTTP request instead would leave s3rver, which is not atomic,
/// with a torn object — real S3 never shows a partial object.)
/// </summary>
public class KillableS3 : DispatchProxy
{
    private static readonly MethodInfo s_fromException = typeof(Task).GetMethods()
        .Single(m => m.Name == nameof(Task.FromException) && m.IsGenericMethod);

    private IAmazonS3 _inner = null!;
    private int _remaining = int.MaxValue;

    public bool Killed { get; private set; }

    public static (IAmazonS3 Client, KillableS3 Control) Wrap(IAmazonS3 inner)
    {
        var proxy = Create<IAmazonS3, KillableS3>();
        var control = (KillableS3)(object)proxy;
        control._inner = inner;
        return (proxy, control);
    }

    public void KillAfter(int requests) => _remaining = requests;

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        ArgumentNullException.ThrowIfNull(targetMethod);
        if (targetMethod.ReturnType.IsGenericType && targetMethod.ReturnType.GetGenericTypeDefinition() == typeof(Task<>))
        {
            if (Killed || _remaining-- <= 0)
            {
                Killed = true;
                var type = targetMethod.ReturnType.GetGenericArguments()[0];
                return s_fromException.MakeGenericMethod(type).Invoke(null, [new OperationCanceledException("killed")]);
            }
        }

        if (targetMethod.Name == nameof(IDisposable.Dispose))
        {
            return null;
        }

        try
        {
            return targetMethod.Invoke(_inner, args);
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            throw e.InnerException;
        }
    }
}
