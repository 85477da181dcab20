using System.Reflection;
using System.Runtime.InteropServices;

namespace Serverless.Connect.Kafka.Mock.Internal;

/// <summary>
/// Points our librdkafka P/Invokes at the very library file Confluent.Kafka loaded. librdkafka.redist ships several
/// builds (glibc with SASL, a self-contained centos8 build, musl); Confluent picks one at run time, and binding a second
/// copy would give the mock cluster a different librdkafka than the clients in the same process.
/// </summary>
internal static class NativeLibraryLocator
{
    private static readonly string[] s_candidates = ["librdkafka.so", "centos8-librdkafka.so", "alpine-librdkafka.so"];
    private static int s_installed;

    public static void Install()
    {
        if (Interlocked.Exchange(ref s_installed, 1) == 0)
        {
            NativeLibrary.SetDllImportResolver(typeof(NativeLibraryLocator).Assembly, Resolve);
        }
    }

    private static nint Resolve(string libraryName, Assembly assembly, DllImportSearchPath? searchPath)
    {
        if (libraryName != "librdkafka")
        {
            return 0;
        }

        // Loading through Confluent first makes its choice of build the one already mapped into the process.
        _ = Confluent.Kafka.Library.Version;
        var loaded = FindMappedLibrdkafka();
        if (loaded is not null && NativeLibrary.TryLoad(loaded, out var handle))
        {
            return handle;
        }

        var native = Path.Combine(AppContext.BaseDirectory, "runtimes", RuntimeInformation.RuntimeIdentifier, "native");
        var fallback = Path.Combine(AppContext.BaseDirectory, "runtimes", "linux-x64", "native");
        foreach (var dir in new[] { native, fallback, AppContext.BaseDirectory })
        {
            foreach (var file in s_candidates)
            {
                if (NativeLibrary.TryLoad(Path.Combine(dir, file), out handle))
                {
                    return handle;
                }
            }
        }

        return 0;
    }

    private static string? FindMappedLibrdkafka()
    {
        const string Maps = "/proc/self/maps";
        if (!File.Exists(Maps))
        {
            return null;
        }

        foreach (var line in File.ReadLines(Maps))
        {
            var slash = line.IndexOf('/', StringComparison.Ordinal);
            if (slash >= 0 && line.Contains("librdkafka", StringComparison.Ordinal))
            {
                return line[slash..].Trim();
            }
        }

        return null;
    }
}
