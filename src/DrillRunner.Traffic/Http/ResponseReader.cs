namespace DrillRunner.Traffic.Http;

/// <summary>
/// Finds where one response ends as its bytes arrive, whoever reads the socket: fill <see cref="FreeSpace"/>,
/// then call <see cref="Advance"/>. Body bytes are discarded as they come, so a large body never grows the buffer;
/// only a head or a chunked body does, up to 64 MiB.
/// </summary>
internal sealed class ResponseReader
{
    private const int MaxBuffer = 64 * 1024 * 1024;
    private byte[] _buffer = new byte[16 * 1024];
    private int _filled;
    private bool _headRequest;
    private bool _haveHead;
    private ResponseHead _head;

    /// <summary>Nothing of the current response has arrived yet.</summary>
    public bool IsEmpty => _filled == 0 && !_haveHead;

    public int Status => _head.Status;

    /// <summary>The server said <c>Connection: close</c>: the connection must not be reused.</summary>
    public bool MustClose => _head.Close;

    /// <summary>Where the next bytes go.</summary>
    public Memory<byte> FreeSpace
    {
        get
        {
            if (_filled == _buffer.Length)
            {
                if (_buffer.Length >= MaxBuffer)
                {
                    throw new MalformedResponseException("Response head or chunked body larger than 64 MiB.");
                }

                Array.Resize(ref _buffer, _buffer.Length * 2);
            }

            return _buffer.AsMemory(_filled);
        }
    }

    public void Start(bool headRequest)
    {
        _headRequest = headRequest;
        _filled = 0;
        _haveHead = false;
        _head = default;
    }

    /// <summary>Takes <paramref name="read"/> (&gt; 0) new bytes; true when the response is complete.</summary>
    public bool Advance(int read)
    {
        _filled += read;
        if (!_haveHead)
        {
            if (!ResponseParser.TryParseHead(_buffer.AsSpan(0, _filled), _headRequest, out _head))
            {
                return false;
            }

            _haveHead = true;
        }

        if (_head.Chunked)
        {
            return ResponseParser.ChunkedLength(_buffer.AsSpan(_head.HeaderLength, _filled - _head.HeaderLength)) >= 0;
        }

        var body = _filled - _head.HeaderLength;
        if (_head.BodyUntilClose)
        {
            _filled = _head.HeaderLength; // Keep only the head; the body ends when the server closes.
            return false;
        }

        if (body < _head.ContentLength)
        {
            _head = _head with { ContentLength = _head.ContentLength - body };
            _filled = _head.HeaderLength;
            return false;
        }

        return true;
    }

    /// <summary>
    /// The server closed the connection: the status when that ends the response (a body that runs until close),
    /// -1 when nothing had arrived (the caller may resend on a reused connection), else malformed.
    /// </summary>
    public int AtEndOfStream()
    {
        if (_haveHead && _head.BodyUntilClose)
        {
            return _head.Status;
        }

        return IsEmpty ? -1 : throw new MalformedResponseException("Connection closed mid-response.");
    }
}
