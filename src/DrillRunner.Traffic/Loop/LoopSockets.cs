using System.Net.Sockets;
using DrillRunner.Traffic.Http;

namespace DrillRunner.Traffic.Loop;

/// <summary>
/// Non-blocking sockets for <see cref="EventLoopRun"/>, connected without .NET's own socket engine (which would
/// otherwise watch them too and wake its thread for every response).
/// </summary>
internal static class LoopSockets
{
    /// <summary>Starts a connect; null when it failed at once.</summary>
    public static Socket? StartConnect(TargetEndpoint endpoint, out bool connected)
    {
        var socket = new Socket(endpoint.Address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true, Blocking = false };
        try
        {
            socket.Connect(endpoint.Address);
            connected = true;
            return socket;
        }
        catch (SocketException e) when (e.SocketErrorCode is SocketError.WouldBlock or SocketError.InProgress or SocketError.AlreadyInProgress)
        {
            connected = false;
            return socket;
        }
        catch (SocketException)
        {
            socket.Dispose();
            connected = false;
            return null;
        }
    }

    /// <summary>Whether a connect started by <see cref="StartConnect"/> succeeded (call once it is writable).</summary>
    public static bool Succeeded(Socket socket) =>
        socket.GetSocketOption(SocketOptionLevel.Socket, SocketOptionName.Error) is 0;

    /// <summary>
    /// Opens <paramref name="count"/> connections before the run's clock starts (see <see cref="Running.ConnectionPool"/>);
    /// those not open within <paramref name="timeout"/> are null and connect on their first request.
    /// </summary>
    public static Task<Socket?[]> OpenAsync(TargetEndpoint endpoint, int count, TimeSpan timeout, TimeProvider time, CancellationToken cancellationToken) =>
        Task.Run(
            () =>
            {
                var started = time.GetTimestamp();
                var sockets = new Socket?[count];
                for (var i = 0; i < count; i++)
                {
                    sockets[i] = StartConnect(endpoint, out _);
                }

                for (var i = 0; i < count; i++)
                {
                    if (sockets[i] is not { } socket)
                    {
                        continue;
                    }

                    if (!WaitConnected(socket, started, timeout, time, cancellationToken))
                    {
                        socket.Dispose();
                        sockets[i] = null;
                    }
                }

                return sockets;
            },
            CancellationToken.None);

    /// <summary>Polls in short slices so a cancelled run (which then reports itself cancelled) is not held up.</summary>
    private static bool WaitConnected(Socket socket, long started, TimeSpan timeout, TimeProvider time, CancellationToken cancellationToken)
    {
        var slice = TimeSpan.FromMilliseconds(50);
        while (!cancellationToken.IsCancellationRequested)
        {
            var left = timeout - time.GetElapsedTime(started);
            if (left <= TimeSpan.Zero)
            {
                return false;
            }

            if (socket.Poll(left < slice ? left : slice, SelectMode.SelectWrite))
            {
                return Succeeded(socket);
            }
        }

        return false;
    }
}
