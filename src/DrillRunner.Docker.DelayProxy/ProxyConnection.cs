using System.Net.Sockets;

namespace DrillRunner.Docker.DelayProxy;

/// <summary>
/// One redirected connection: the client's bytes go to the original destination at once, the answers come back
/// after the delay, as if the instance's link were slow.
/// </summary>
internal static class ProxyConnection
{
    public static async Task RunAsync(Socket client, ProxyOptions options, TimeProvider time, CancellationToken cancellationToken)
    {
        using (client)
        {
            if (OriginalDestination.Of(client) is not { } destination)
            {
                return;
            }

            using var upstream = new Socket(destination.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            client.NoDelay = true;
            try
            {
                await upstream.ConnectAsync(destination, cancellationToken);
            }
            catch (SocketException)
            {
                return; // nothing listens there: the client sees the connection close
            }

            var random = new Random();
            var requests = new DelayedStream(client, upstream, () => TimeSpan.Zero, time).CopyAsync(cancellationToken);
            var answers = new DelayedStream(upstream, client, () => options.Draw(random), time).CopyAsync(cancellationToken);
            try
            {
                await Task.WhenAll(requests, answers);
            }
            catch (Exception ex) when (ex is SocketException or OperationCanceledException or ObjectDisposedException)
            {
                // A reset or the proxy stopping ends the connection.
            }
        }
    }
}
