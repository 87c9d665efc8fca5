using DrillRunner.Traffic.Http;

namespace DrillRunner.Traffic.Running;

/// <summary>
/// Opens the run's keep-alive connections before its clock starts, as wrk2 does, so the first second measures the
/// target and not 64 TCP (and TLS) handshakes queued behind each other (measured: p99 85 ms in the first second of
/// a 20k/s run without it). A connection that cannot be opened in time is left closed: its first request connects
/// and, if that fails, counts as a connect error like any other.
/// </summary>
internal static class ConnectionPool
{
    public static async Task<HttpConnection[]> OpenAsync(
        TargetEndpoint endpoint, int count, TimeSpan timeout, TimeProvider time, CancellationToken cancellationToken)
    {
        var connections = Enumerable.Range(0, count).Select(_ => new HttpConnection(endpoint)).ToArray();
        var opening = connections.Select(c => c.OpenAsync().AsTask()).ToArray();
        try
        {
            await Task.WhenAll(opening).WaitAsync(timeout, time, cancellationToken);
        }
        catch (TimeoutException)
        {
            // Replaced below; the run's own requests deal with a target that is slow to accept.
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The run starts anyway, sees the cancellation at once and reports it like any cancelled run.
        }

        for (var i = 0; i < connections.Length; i++)
        {
            if (!opening[i].IsCompletedSuccessfully || !opening[i].Result)
            {
                // Still connecting (or failed): never hand a half-open connection to the run.
                connections[i].Dispose();
                connections[i] = new HttpConnection(endpoint);
            }
        }

        return connections;
    }
}
