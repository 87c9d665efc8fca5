using System.Net.Sockets;
using System.Text;
using DrillRunner.Traffic.Running;

namespace DrillRunner.Traffic.Tests.Running;

public sealed class LoopbackResponderTests
{
    [Fact]
    public async Task Every_request_head_gets_one_response_whether_split_or_pipelined()
    {
        await using var responder = LoopbackResponder.Start();
        using var client = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await client.ConnectAsync("127.0.0.1", responder.Uri.Port);

        // One head split across two writes at its "\r\n\r\n", then two heads in one write: three responses.
        await client.SendAsync(Encoding.ASCII.GetBytes("GET / HTTP/1.1\r\nHost: a\r\n\r"), SocketFlags.None);
        await Task.Delay(TimeSpan.FromMilliseconds(50), TimeProvider.System);
        await client.SendAsync(Encoding.ASCII.GetBytes("\nGET / HTTP/1.1\r\n\r\nGET / HTTP/1.1\r\n\r\n"), SocketFlags.None);

        var expected = 3 * "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok".Length;
        var received = new StringBuilder();
        var buffer = new byte[4096];
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        while (received.Length < expected)
        {
            var read = await client.ReceiveAsync(buffer, SocketFlags.None, timeout.Token);
            Assert.NotEqual(0, read);
            received.Append(Encoding.ASCII.GetString(buffer, 0, read));
        }

        Assert.Equal(3, received.ToString().Split("HTTP/1.1 200 OK").Length - 1);
        Assert.Equal(expected, received.Length);
    }
}
