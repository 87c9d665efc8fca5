using System.Net.Sockets;
using DrillRunner.Traffic.Http;
using DrillRunner.Traffic.Recording;
using DrillRunner.Traffic.Running;

namespace DrillRunner.Traffic.Loop;

/// <summary>One exchange on one connection: connect if needed, send, read until the response ends, record.</summary>
internal sealed partial class EventLoopRun
{
    /// <summary>False when the request timed out while queued (recorded; the connection stays free).</summary>
    private bool TryStart(LoopConnection connection, WorkItem item, SecondBucket bucket, long now)
    {
        var user = connection.Worker.UserOf(item);
        if (connection.Worker.TimedOutWaiting(bucket, item, user, now))
        {
            Interlocked.Decrement(ref _run.InFlight);
            return false;
        }

        var (request, head) = connection.Worker.Compose(item, user);
        connection.Item = item;
        connection.Bucket = bucket;
        connection.User = user;
        connection.IsHead = head;
        connection.Request = request;
        connection.Unsent = request;
        connection.StartedAt = now;
        connection.Sent = false;
        connection.Retried = false;
        _busy++;
        if (connection.Fd < 0)
        {
            Connect(connection);
        }
        else
        {
            Send(connection);
        }

        return true;
    }

    private void Connect(LoopConnection connection)
    {
        var socket = LoopSockets.StartConnect(_run.Endpoint, out var connected);
        if (socket is null)
        {
            Finish(connection, Outcome.ConnectError);
            return;
        }

        Attach(connection, socket, connecting: !connected);
        if (connected)
        {
            Send(connection);
        }
        else
        {
            connection.State = LoopState.Connecting;
        }
    }

    private void Attach(LoopConnection connection, Socket socket, bool connecting)
    {
        connection.Socket = socket;
        connection.Fd = (int)socket.Handle;
        connection.Reused = false;
        connection.WantsOut = connecting;
        LinuxEpoll.Add(_epoll, connection.Fd, connecting ? LinuxEpoll.In | LinuxEpoll.Out : LinuxEpoll.In, (ulong)connection.Index);
    }

    private void Send(LoopConnection connection)
    {
        connection.State = LoopState.Sending;
        if (!connection.Sent)
        {
            connection.SentAt = _run.Time.GetTimestamp();
            connection.Sent = true;
        }

        while (!connection.Unsent.IsEmpty)
        {
            var sent = LinuxEpoll.Send(connection.Fd, connection.Unsent.Span);
            if (sent == -LinuxEpoll.Again)
            {
                WantOut(connection, true);
                return;
            }

            if (sent <= 0)
            {
                CloseSocket(connection);
                Finish(connection, Outcome.Transport);
                return;
            }

            connection.Unsent = connection.Unsent[sent..];
        }

        WantOut(connection, false);
        connection.Reader.Start(connection.IsHead);
        connection.State = LoopState.Receiving;
    }

    private void Handle(LoopConnection connection, uint events)
    {
        switch (connection.State)
        {
            case LoopState.Connecting:
                if (LoopSockets.Succeeded(connection.Socket!))
                {
                    Send(connection);
                }
                else
                {
                    CloseSocket(connection);
                    Finish(connection, Outcome.ConnectError);
                }

                break;
            case LoopState.Sending:
                Send(connection);
                break;
            case LoopState.Receiving:
                Read(connection);
                break;
            default:
                // A free connection became readable: the server closed it (or talks out of turn). Reconnect later.
                if ((events & (LinuxEpoll.In | LinuxEpoll.HangUp | LinuxEpoll.Error)) != 0)
                {
                    CloseSocket(connection);
                    connection.State = LoopState.Closed;
                }

                break;
        }
    }

    private void Read(LoopConnection connection)
    {
        try
        {
            var read = LinuxEpoll.Receive(connection.Fd, connection.Reader.FreeSpace.Span);
            if (read == -LinuxEpoll.Again)
            {
                return;
            }

            if (read > 0)
            {
                if (connection.Reader.Advance(read))
                {
                    if (connection.Reader.MustClose)
                    {
                        CloseSocket(connection);
                    }

                    connection.Reused = true;
                    Finish(connection, StatusOutcome.Of(connection.Reader.Status));
                }

                return;
            }

            var status = read == 0 ? connection.Reader.AtEndOfStream() : -2;
            var reused = connection.Reused;
            CloseSocket(connection);
            if (status >= 0)
            {
                Finish(connection, StatusOutcome.Of(status));
            }
            else if (status == -1 && reused && !connection.Retried)
            {
                // The server closed an idle keep-alive connection before reading our request: resend once.
                connection.Retried = true;
                connection.Unsent = connection.Request;
                Connect(connection);
            }
            else
            {
                Finish(connection, Outcome.Transport);
            }
        }
        catch (MalformedResponseException)
        {
            CloseSocket(connection);
            Finish(connection, Outcome.Transport);
        }
    }

    private void ExpireTimeouts(long now)
    {
        foreach (var connection in _connections)
        {
            if (connection.Busy && now - connection.StartedAt > _run.TimeoutTicks)
            {
                CloseSocket(connection);
                Finish(connection, Outcome.Timeout);
            }
        }
    }

    private void Finish(LoopConnection connection, Outcome outcome)
    {
        var item = connection.Item;
        var latency = _run.Time.GetTimestamp() - item.Intended;
        connection.Worker.Complete(connection.Bucket, item, connection.User, outcome, connection.Sent, latency, connection.Sent ? connection.SentAt - item.Intended : 0);
        Interlocked.Decrement(ref _run.InFlight);
        _busy--;
        connection.State = connection.Fd >= 0 ? LoopState.Idle : LoopState.Closed;
        _finished.Enqueue(connection);
    }

    private void WantOut(LoopConnection connection, bool wanted)
    {
        if (connection.WantsOut != wanted)
        {
            connection.WantsOut = wanted;
            LinuxEpoll.Modify(_epoll, connection.Fd, wanted ? LinuxEpoll.In | LinuxEpoll.Out : LinuxEpoll.In, (ulong)connection.Index);
        }
    }

    private static void CloseSocket(LoopConnection connection)
    {
        // Closing the descriptor also takes it out of the epoll set.
        connection.Socket?.Dispose();
        connection.Socket = null;
        connection.Fd = -1;
        connection.WantsOut = false;
    }
}
