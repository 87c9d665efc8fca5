namespace DrillRunner.Docker.Containers;

/// <summary>HTTP health checks of instances, always on 127.0.0.1 (host networking or a published port).</summary>
internal sealed class HealthProbe : IDisposable
{
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(2) };

    public static Uri? EndpointOf(int port) => port > 0 ? new Uri($"http://127.0.0.1:{port}") : null;

    public async Task<bool> IsHealthyAsync(int port, string healthPath, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await _http.GetAsync(new Uri(EndpointOf(port)!, healthPath), cancellationToken).ConfigureAwait(false);
            return response.IsSuccessStatusCode;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    public void Dispose() => _http.Dispose();
}
