using System.Net.Security;
using System.Net.Sockets;
using System.Runtime.CompilerServices;

namespace DrillRunner.Traffic.Http;

/// <summary>
/// One keep-alive HTTP/1.1 connection, one request at a time. Timeouts are enforced from outside by
/// <see cref="TryAbortIfStarted"/> (a watchdog), which keeps timers off the per-request hot path.
/// </summary>
internal sealed class HttpConnection : IDisposable
{
    private const long Idle = 0;
    private const long Aborted = -1;

    private readonly TargetEndpoint _endpoint;
    private readonly Lock _gate = new();
    private Socket? _socket;
    private SslStream? _tls;
    private readonly ResponseReader _reader = new();
    private long _startedAt;
    private bool _reused;

    public HttpConnection(TargetEndpoint endpoint)
    {
        _endpoint = endpoint;
    }

    /// <summary>The timestamp the current exchange started at, or 0 when idle.</summary>
    public long StartedAt => Volatile.Read(ref _startedAt);

    // Pooled state machines: an exchange that waits for the server allocates nothing (measured per request).
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    public async ValueTask<(Outcome Outcome, bool Sent)> ExchangeAsync(
        ReadOnlyMemory<byte> request, bool headRequest, long startedAt, Action onSend)
    {
        Volatile.Write(ref _startedAt, startedAt);
        var sent = false;
        Outcome outcome;
        try
        {
            if (_socket is null && !await TryConnectAsync())
            {
                return (Finish(Outcome.ConnectError), false);
            }

            onSend();
            sent = true;
            var status = await SendAndReceiveAsync(request, headRequest);
            if (status < 0)
            {
                // The server closed an idle keep-alive connection before reading our request: resend once.
                Close();
                if (!await TryConnectAsync())
                {
                    return (Finish(Outcome.ConnectError), true);
                }

                status = await SendAndReceiveAsync(request, headRequest);
            }

            outcome = StatusOutcome.Of(status);
        }
        catch (Exception e) when (e is SocketException or IOException or ObjectDisposedException
            or MalformedResponseException or OperationCanceledException)
        {
            Close();
            outcome = Outcome.Transport;
        }

        return (Finish(outcome), sent);
    }

    /// <summary>Connects ahead of the first request; false when the target cannot be reached (nothing is thrown).</summary>
    public async ValueTask<bool> OpenAsync() => _socket is not null || await TryConnectAsync();

    /// <summary>Called by the watchdog: aborts the exchange that began at <paramref name="startedAt"/>, if still running.</summary>
    public void TryAbortIfStarted(long startedAt)
    {
        lock (_gate)
        {
            // Closing under the lock: a worker that sees Aborted closes too, and waits for us before reconnecting.
            if (startedAt != Idle && Interlocked.CompareExchange(ref _startedAt, Aborted, startedAt) == startedAt)
            {
                CloseLocked();
            }
        }
    }

    public void Dispose() => Close();

    private Outcome Finish(Outcome outcome)
    {
        if (Interlocked.Exchange(ref _startedAt, Idle) != Aborted)
        {
            return outcome;
        }

        Close();
        return Outcome.Timeout;
    }

    private async ValueTask<bool> TryConnectAsync()
    {
        var socket = new Socket(_endpoint.Address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        lock (_gate)
        {
            if (_startedAt == Aborted)
            {
                socket.Dispose();
                return false;
            }

            _socket = socket;
            _reused = false;
        }

        try
        {
            await socket.ConnectAsync(_endpoint.Address);
            if (_endpoint.Tls)
            {
                var tls = new SslStream(new NetworkStream(socket, ownsSocket: true));
                lock (_gate)
                {
                    _tls = tls;
                }

                await tls.AuthenticateAsClientAsync(TlsOptions.For(_endpoint));
            }

            return true;
        }
        catch (Exception e) when (e is SocketException or IOException or ObjectDisposedException
            or System.Security.Authentication.AuthenticationException)
        {
            Close();
            return false;
        }
    }

    /// <summary>Returns the status code, or -1 if a reused connection was closed before any response byte.</summary>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<int> SendAndReceiveAsync(ReadOnlyMemory<byte> request, bool headRequest)
    {
        await SendAsync(request);
        var reused = _reused;
        _reused = true;
        _reader.Start(headRequest);
        while (true)
        {
            var read = await ReceiveAsync(_reader.FreeSpace);
            if (read == 0)
            {
                Close();
                var status = _reader.AtEndOfStream();
                return status < 0 && !reused ? throw new MalformedResponseException("Connection closed before any response.") : status;
            }

            if (_reader.Advance(read))
            {
                if (_reader.MustClose)
                {
                    Close();
                }

                return _reader.Status;
            }
        }
    }

    private ValueTask SendAsync(ReadOnlyMemory<byte> request)
    {
        if (_tls is not null)
        {
            return _tls.WriteAsync(request);
        }

        return SendAllAsync(_socket ?? throw new ObjectDisposedException(nameof(HttpConnection)), request);
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder))]
    private static async ValueTask SendAllAsync(Socket socket, ReadOnlyMemory<byte> request)
    {
        while (!request.IsEmpty)
        {
            var sent = await socket.SendAsync(request, SocketFlags.None);
            request = request[sent..];
        }
    }

    private ValueTask<int> ReceiveAsync(Memory<byte> into) =>
        _tls is not null
            ? _tls.ReadAsync(into)
            : (_socket ?? throw new ObjectDisposedException(nameof(HttpConnection))).ReceiveAsync(into, SocketFlags.None);

    private void Close()
    {
        lock (_gate)
        {
            CloseLocked();
        }
    }

    private void CloseLocked()
    {
        _tls?.Dispose();
        _socket?.Dispose();
        _tls = null;
        _socket = null;
    }
}
