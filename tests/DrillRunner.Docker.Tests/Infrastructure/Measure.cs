using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using System.Text;

namespace DrillRunner.Docker.Tests.Infrastructure;

/// <summary>
/// Measures a network fault by its effect through the real path (a port published on 127.0.0.1, docker-proxy, the
/// container's interface). Every measurement is bounded in count and time.
/// </summary>
internal static class Measure
{
    private static readonly HttpClient Http = new(new SocketsHttpHandler { UseProxy = false }) { Timeout = TimeSpan.FromSeconds(10) };

    /// <summary>Median latency of <paramref name="samples"/> requests one after another on a kept-alive connection.</summary>
    public static async Task<TimeSpan> MedianLatencyAsync(Uri url, int samples = 25)
    {
        var times = new List<TimeSpan>();
        for (var i = 0; i < samples; i++)
        {
            var started = Stopwatch.GetTimestamp();
            using var response = await Http.GetAsync(url);
            _ = await response.Content.ReadAsByteArrayAsync();
            times.Add(Stopwatch.GetElapsedTime(started));
        }

        return times.Order().ElementAt(times.Count / 2);
    }

    /// <summary>
    /// The share of fresh connections whose request gets no answer within <paramref name="within"/>. docker-proxy dials the
    /// container for each connection; a dropped SYN costs a one-second retransmission, so with <c>within</c> under a
    /// second the share is the chance that one packet the instance receives is dropped.
    /// </summary>
    public static async Task<double> UnansweredShareAsync(int port, int attempts = 600, int concurrency = 30, TimeSpan? within = null)
    {
        var limit = within ?? TimeSpan.FromMilliseconds(900);
        var lost = 0;
        using var gate = new SemaphoreSlim(concurrency);
        var tasks = Enumerable.Range(0, attempts).Select(async _ =>
        {
            await gate.WaitAsync();
            try
            {
                if (!await AnsweredAsync(port, limit))
                {
                    Interlocked.Increment(ref lost);
                }
            }
            finally
            {
                gate.Release();
            }
        });
        await Task.WhenAll(tasks);
        return lost / (double)attempts;
    }

    /// <summary>Bytes per second of one download of <paramref name="bytes"/> from <c>/assets</c>.</summary>
    public static async Task<double> DownloadRateAsync(Uri baseUrl, long bytes)
    {
        var started = Stopwatch.GetTimestamp();
        using var response = await Http.GetAsync(new Uri(baseUrl, $"/assets/{bytes.ToString(CultureInfo.InvariantCulture)}"), HttpCompletionOption.ResponseHeadersRead);
        await using var body = await response.Content.ReadAsStreamAsync();
        var buffer = new byte[64 * 1024];
        long read = 0;
        int count;
        while ((count = await body.ReadAsync(buffer)) > 0)
        {
            read += count;
        }

        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        return read == bytes ? read / seconds : throw new InvalidOperationException($"downloaded {read} of {bytes} bytes");
    }

    /// <summary>One GET on a fresh connection; true when the status line arrives in time.</summary>
    public static async Task<bool> AnsweredAsync(int port, TimeSpan within)
    {
        using var timeout = new CancellationTokenSource(within, TimeProvider.System);
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync("127.0.0.1", port, timeout.Token);
            var stream = client.GetStream();
            await stream.WriteAsync(Encoding.ASCII.GetBytes("GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"), timeout.Token);
            var first = new byte[12];
            return await stream.ReadAsync(first, timeout.Token) > 0 && Encoding.ASCII.GetString(first).StartsWith("HTTP/1.1 200", StringComparison.Ordinal);
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or IOException)
        {
            return false;
        }
    }
}
