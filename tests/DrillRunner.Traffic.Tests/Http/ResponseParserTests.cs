using System.Text;
using DrillRunner.Traffic.Http;

namespace DrillRunner.Traffic.Tests.Http;

public sealed class ResponseParserTests
{
    [Fact]
    public void Head_is_incomplete_until_the_blank_line_arrives()
    {
        Assert.False(ResponseParser.TryParseHead(Bytes("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n"), false, out _));
    }

    [Fact]
    public void Content_length_status_and_connection_close_are_read()
    {
        Assert.True(ResponseParser.TryParseHead(Bytes("HTTP/1.1 503 Busy\r\ncontent-length: 12\r\nConnection: close\r\n\r\n"), false, out var head));

        Assert.Equal(503, head.Status);
        Assert.Equal(12, head.ContentLength);
        Assert.True(head.Close);
        Assert.False(head.Chunked);
    }

    [Fact]
    public void Head_requests_and_204_have_no_body_whatever_the_headers_say()
    {
        ResponseParser.TryParseHead(Bytes("HTTP/1.1 200 OK\r\nContent-Length: 50\r\n\r\n"), true, out var head);
        ResponseParser.TryParseHead(Bytes("HTTP/1.1 204 No Content\r\nTransfer-Encoding: chunked\r\n\r\n"), false, out var noContent);

        Assert.Equal(0, head.ContentLength);
        Assert.Equal(0, noContent.ContentLength);
        Assert.False(noContent.Chunked);
    }

    [Fact]
    public void Chunked_body_length_is_known_only_once_the_last_chunk_and_trailers_arrive()
    {
        const string Body = "5\r\nhello\r\n1a;ext=1\r\nabcdefghijklmnopqrstuvwxyz\r\n0\r\n\r\n";

        Assert.Equal(Body.Length, ResponseParser.ChunkedLength(Bytes(Body + "extra")));
        Assert.Equal(-1, ResponseParser.ChunkedLength(Bytes(Body[..^2])));
        Assert.Equal(-1, ResponseParser.ChunkedLength(Bytes("5\r\nhel")));
        const string Trailers = "0\r\nX-Trailer: 1\r\n\r\n";
        Assert.Equal(Trailers.Length, ResponseParser.ChunkedLength(Bytes(Trailers)));
    }

    [Fact]
    public void Garbage_status_line_is_a_protocol_error()
    {
        Assert.Throws<MalformedResponseException>(() => ResponseParser.TryParseHead(Bytes("SSH-2.0-OpenSSH\r\n\r\n"), false, out _));
    }

    private static byte[] Bytes(string text) => Encoding.ASCII.GetBytes(text);
}
