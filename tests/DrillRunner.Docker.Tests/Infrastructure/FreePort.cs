using System.Net;
using System.Net.Sockets;

namespace DrillRunner.Docker.Tests.Infrastructure;

internal static class FreePort
{
    /// <summary>A first port with <paramref name="count"/> free ports from it (instances use port, port+1, ...).</summary>
    public static int Block(int count)
    {
        for (var attempt = 0; attempt < 50; attempt++)
        {
            var first = Pick();
            if (Enumerable.Range(1, count - 1).All(offset => IsFree(first + offset)))
            {
                return first;
            }
        }

        throw new InvalidOperationException($"No block of {count} free ports found.");
    }

    public static int Pick()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static bool IsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
