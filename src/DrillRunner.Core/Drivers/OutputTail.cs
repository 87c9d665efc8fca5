using System.Text;

namespace DrillRunner.Drivers;

/// <summary>The last bytes written to it (a command's output), so a chatty command cannot fill the runner's memory.</summary>
public sealed class OutputTail(int capacity)
{
    private readonly byte[] _buffer = new byte[Math.Max(1, capacity)];
    private long _written;

    public long Written => _written;

    public void Append(ReadOnlySpan<byte> data)
    {
        foreach (var b in data.Length > _buffer.Length ? data[^_buffer.Length..] : data)
        {
            _buffer[_written++ % _buffer.Length] = b;
        }

        if (data.Length > _buffer.Length)
        {
            _written += data.Length - _buffer.Length;
        }
    }

    /// <summary>Copies a stream into the tail until it ends.</summary>
    public async Task ReadFromAsync(Stream stream, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var chunk = new byte[4096];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            Append(chunk.AsSpan(0, read));
        }
    }

    public override string ToString()
    {
        var length = (int)Math.Min(_written, _buffer.Length);
        var start = (int)(_written % _buffer.Length);
        var bytes = _written <= _buffer.Length ? _buffer[..length] : [.. _buffer[start..], .. _buffer[..start]];
        var text = Encoding.UTF8.GetString(bytes);
        return _written > _buffer.Length ? "..." + text : text;
    }
}
