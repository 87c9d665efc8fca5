using System.Net;
using System.Net.Sockets;

namespace DrillRunner.Testing.Drivers;

/// <summary>Free TCP ports on 127.0.0.1, so parallel test assemblies never collide on a hard-coded port.</summary>
public static class FreePorts
{
    /// <summary>The first of <paramref name="count"/> consecutive ports that are free right now.</summary>
    public static int FindRange(int count)
    {
        for (var attempt = 0; attempt < 50; attempt++)
        {
            var first = Pick();
            if (first + count < IPEndPoint.MaxPort && Enumerable.Range(first + 1, count - 1).All(IsFree))
            {
                return first;
            }
        }

        throw new InvalidOperationException($"no {count} consecutive free ports found on 127.0.0.1");
    }

    private static int Pick()
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
