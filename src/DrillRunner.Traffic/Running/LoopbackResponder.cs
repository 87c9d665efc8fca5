using System.Net;
using System.Net.Sockets;

namespace DrillRunner.Traffic.Running;

/// <summary>
/// A minimal HTTP/1.1 responder on 127.0.0.1 inside this process, for <see cref="JitWarmUp"/>: it answers every
/// request head (bodiless requests only) with a fixed 200 on a keep-alive connection.
/// </summary>
internal sealed class LoopbackResponder : IAsyncDisposable
{
    private static readonly byte[] Response = "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok"u8.ToArray();
    private readonly Socket _listener;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;

    private LoopbackResponder()
    {
        _listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        _listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        _listener.Listen(128);
        Uri = new Uri($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndPoint!).Port}/");
        _accepting = AcceptAsync();
    }

    public Uri Uri { get; }

    public static LoopbackResponder Start() => new();

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Dispose();
        await _accepting;
        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        var connections = new List<Task>();
        try
        {
            while (true)
            {
                var socket = await _listener.AcceptAsync(_stop.Token);
                connections.Add(AnswerAsync(socket));
            }
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // Stopped.
        }

        await Task.WhenAll(connections);
    }

    private async Task AnswerAsync(Socket socket)
    {
        using var _ = socket;
        var buffer = new byte[4096];
        var matched = 0; // how much of "\r\n\r\n" the bytes read so far end with
        try
        {
            while (true)
            {
                var read = await socket.ReceiveAsync(buffer, SocketFlags.None, _stop.Token);
                if (read == 0)
                {
                    return;
                }

                for (var i = 0; i < read; i++)
                {
                    matched = buffer[i] == (matched % 2 == 0 ? (byte)'\r' : (byte)'\n') ? matched + 1 : (buffer[i] == '\r' ? 1 : 0);
                    if (matched == 4)
                    {
                        matched = 0;
                        await socket.SendAsync(Response, SocketFlags.None, _stop.Token);
                    }
                }
            }
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // The warm-up is over or the generator closed the connection.
        }
    }
}
