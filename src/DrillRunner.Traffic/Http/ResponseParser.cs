using System.Buffers.Text;

namespace DrillRunner.Traffic.Http;

/// <summary>
/// Just enough of HTTP/1.1 to know where a response ends: status, Content-Length, chunked, Connection: close.
/// </summary>
internal static class ResponseParser
{
    private static ReadOnlySpan<byte> HeaderEnd => "\r\n\r\n"u8;

    private static ReadOnlySpan<byte> Crlf => "\r\n"u8;

    /// <summary>Parses the head if it has fully arrived; false means read more.</summary>
    public static bool TryParseHead(ReadOnlySpan<byte> buffer, bool headRequest, out ResponseHead head)
    {
        head = default;
        var end = buffer.IndexOf(HeaderEnd);
        if (end < 0)
        {
            return false;
        }

        var lines = buffer[..end];
        var lineEnd = lines.IndexOf(Crlf);
        var statusLine = lineEnd < 0 ? lines : lines[..lineEnd];
        if (statusLine.Length < 12 || !statusLine.StartsWith("HTTP/1."u8)
            || !Utf8Parser.TryParse(statusLine.Slice(9, 3), out int status, out _))
        {
            throw new MalformedResponseException("Malformed status line.");
        }

        long contentLength = -1;
        var chunked = false;
        var close = statusLine[7] == (byte)'0';
        var rest = lineEnd < 0 ? [] : lines[(lineEnd + 2)..];
        while (!rest.IsEmpty)
        {
            var next = rest.IndexOf(Crlf);
            var line = next < 0 ? rest : rest[..next];
            rest = next < 0 ? [] : rest[(next + 2)..];
            // Only Content-Length, Transfer-Encoding and Connection matter: skip other lines on their first letter.
            var first = line.IsEmpty ? 0 : line[0] | 0x20;
            var colon = first is 'c' or 't' ? line.IndexOf((byte)':') : -1;
            if (colon <= 0)
            {
                continue;
            }

            var name = line[..colon];
            var value = line[(colon + 1)..].Trim((byte)' ');
            if (name.EqualsAnyCase("Content-Length"u8))
            {
                if (!Utf8Parser.TryParse(value, out contentLength, out var used) || used != value.Length || contentLength < 0)
                {
                    throw new MalformedResponseException("Malformed Content-Length.");
                }
            }
            else if (name.EqualsAnyCase("Transfer-Encoding"u8))
            {
                chunked = value.ContainsAnyCase("chunked"u8);
            }
            else if (name.EqualsAnyCase("Connection"u8))
            {
                close = value.ContainsAnyCase("close"u8);
            }
        }

        if (headRequest || status is (>= 100 and < 200) or 204 or 304)
        {
            contentLength = 0;
            chunked = false;
        }

        head = new ResponseHead(status, end + HeaderEnd.Length, chunked ? -1 : contentLength, chunked, close);
        return true;
    }

    /// <summary>
    /// Length of a complete chunked body at the start of <paramref name="body"/>, or -1 if more must be read.
    /// </summary>
    public static long ChunkedLength(ReadOnlySpan<byte> body)
    {
        long at = 0;
        while (true)
        {
            var rest = body[(int)at..];
            var lineEnd = rest.IndexOf(Crlf);
            if (lineEnd < 0)
            {
                return -1;
            }

            var sizeText = rest[..lineEnd];
            var extension = sizeText.IndexOf((byte)';');
            if (extension >= 0)
            {
                sizeText = sizeText[..extension];
            }

            if (!Utf8Parser.TryParse(sizeText.Trim((byte)' '), out long size, out var used, 'X') || used == 0 || size < 0)
            {
                throw new MalformedResponseException("Malformed chunk size.");
            }

            at += lineEnd + 2;
            if (size == 0)
            {
                // Trailers end with an empty line.
                var trailerEnd = body[(int)at..].IndexOf(HeaderEnd);
                var emptyTrailers = body[(int)at..].StartsWith(Crlf);
                return emptyTrailers ? at + 2 : trailerEnd < 0 ? -1 : at + trailerEnd + HeaderEnd.Length;
            }

            if (body.Length < at + size + 2)
            {
                return -1;
            }

            at += size + 2;
        }
    }
}
