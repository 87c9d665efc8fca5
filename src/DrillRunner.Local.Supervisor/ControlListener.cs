using System.Net;
using System.Net.Sockets;

namespace DrillRunner.Local.Supervisor;

/// <summary>Binds the control API to a free port on 127.0.0.1.</summary>
internal static class ControlListener
{
    public static HttpListener Start(out int port)
    {
        // HttpListener cannot bind port 0; take a free port and retry if someone else takes it first.
        for (var attempt = 1; ; attempt++)
        {
            using (var probe = new TcpListener(IPAddress.Loopback, 0))
            {
                probe.Start();
                port = ((IPEndPoint)probe.LocalEndpoint).Port;
            }

            var listener = new HttpListener();
            listener.Prefixes.Add($"http://127.0.0.1:{port}/");
            try
            {
                listener.Start();
                return listener;
            }
            catch (HttpListenerException) when (attempt < 10)
            {
                listener.Close();
            }
        }
    }
}
