using System.Net.Sockets;
using DrillRunner.Traffic.Http;
using DrillRunner.Traffic.Recording;
using DrillRunner.Traffic.Running;

namespace DrillRunner.Traffic.Loop;

/// <summary>One keep-alive connection of an <see cref="EventLoopRun"/>, and the exchange it is in, if any.</summary>
internal sealed class LoopConnection(int index, ConnectionWorker worker)
{
    public int Index { get; } = index;

    public ConnectionWorker Worker { get; } = worker;

    public ResponseReader Reader { get; } = new();

    public LoopState State { get; set; } = LoopState.Closed;

    public Socket? Socket { get; set; }

    /// <summary>The socket's file descriptor, or -1 when closed.</summary>
    public int Fd { get; set; } = -1;

    /// <summary>Registered for writability too (connecting, or a request that did not fit the send buffer).</summary>
    public bool WantsOut { get; set; }

    /// <summary>Has completed an exchange since it connected: an end of stream before any answer means resend once.</summary>
    public bool Reused { get; set; }

    public WorkItem Item { get; set; }

    public SecondBucket Bucket { get; set; } = null!;

    public int User { get; set; }

    public bool IsHead { get; set; }

    public ReadOnlyMemory<byte> Request { get; set; }

    public ReadOnlyMemory<byte> Unsent { get; set; }

    /// <summary>When this exchange began (for its timeout), a TimeProvider timestamp.</summary>
    public long StartedAt { get; set; }

    public long SentAt { get; set; }

    public bool Sent { get; set; }

    public bool Retried { get; set; }

    public bool Busy => State is LoopState.Connecting or LoopState.Sending or LoopState.Receiving;
}
