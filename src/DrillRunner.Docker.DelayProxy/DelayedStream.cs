using System.Buffers;
using System.Net.Sockets;
using System.Threading.Channels;

namespace DrillRunner.Docker.DelayProxy;

/// <summary>
/// Copies one direction of a connection, holding each chunk until its due time (read time plus one drawn delay).
/// Due times never go backwards, so jitter never reorders bytes. The queue is bounded: a slow reader slows the writer.
/// </summary>
internal sealed class DelayedStream(Socket from, Socket to, Func<TimeSpan> delay, TimeProvider time)
{
    private const int ChunkSize = 16 * 1024;
    private const int QueuedChunks = 256;

    private readonly Channel<(byte[] Buffer, int Length, long Due)> _queue =
        Channel.CreateBounded<(byte[], int, long)>(new BoundedChannelOptions(QueuedChunks) { SingleReader = true, SingleWriter = true });

    public async Task CopyAsync(CancellationToken cancellationToken)
    {
        var writer = WriteAsync(cancellationToken);
        long lastDue = 0;
        try
        {
            while (true)
            {
                var buffer = ArrayPool<byte>.Shared.Rent(ChunkSize);
                var read = await from.ReceiveAsync(buffer, SocketFlags.None, cancellationToken);
                if (read == 0)
                {
                    ArrayPool<byte>.Shared.Return(buffer);
                    break;
                }

                var due = Math.Max(lastDue, time.GetTimestamp() + (long)(delay().TotalSeconds * time.TimestampFrequency));
                lastDue = due;
                await _queue.Writer.WriteAsync((buffer, read, due), cancellationToken);
            }
        }
        finally
        {
            _queue.Writer.TryComplete();
            await writer;
        }
    }

    private async Task WriteAsync(CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var (buffer, length, due) in _queue.Reader.ReadAllAsync(cancellationToken))
            {
                try
                {
                    var wait = TimeSpan.FromSeconds((due - time.GetTimestamp()) / (double)time.TimestampFrequency);
                    if (wait > TimeSpan.Zero)
                    {
                        await Task.Delay(wait, time, cancellationToken);
                    }

                    var sent = 0;
                    while (sent < length)
                    {
                        sent += await to.SendAsync(buffer.AsMemory(sent, length - sent), SocketFlags.None, cancellationToken);
                    }
                }
                finally
                {
                    ArrayPool<byte>.Shared.Return(buffer);
                }
            }

            to.Shutdown(SocketShutdown.Send);
        }
        catch (Exception ex) when (ex is SocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The other side went away or the proxy is stopping: nothing left to deliver.
        }
    }
}
