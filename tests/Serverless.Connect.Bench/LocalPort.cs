using System.Net;
using System.Net.Sockets;

namespace Serverless.Connect.Bench;

/// <summary>A free TCP port on 127.0.0.1 for a process's <c>--http-port</c>.</summary>
internal static class LocalPort
{
    public static int Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
