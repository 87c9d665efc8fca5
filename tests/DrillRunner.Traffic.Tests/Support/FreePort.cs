using System.Net;
using System.Net.Sockets;

namespace DrillRunner.Traffic.Tests.Support;

internal static class FreePort
{
    /// <summary>A port nothing listens on: bound to 0, read, released.</summary>
    public static int Find()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
