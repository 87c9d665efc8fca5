using System.Net;
using System.Net.Sockets;

namespace DrillRunner.Drivers;

/// <summary>
/// Refuses to start an instance on a port something else already holds: otherwise health checks (and the whole
/// drill) would quietly measure that other process.
/// </summary>
public static class PortGuard
{
    public static void ThrowIfInUse(int port, string instanceId)
    {
        if (port <= 0)
        {
            return;
        }

        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
        }
        catch (SocketException)
        {
            throw new DriverException(
                $"port {port} for {instanceId} is already in use on 127.0.0.1 by another process (another environment, or a leftover of an earlier run?); stop it or change the environment's ports");
        }
    }
}
