namespace DrillRunner.Docker.Containers;

/// <summary>
/// HTTP health checks of instances on the engine's host: 127.0.0.1 for a local engine (host networking or a published
/// port), the host of a remote engine's <c>tcp://</c> endpoint otherwise.
/// </summary>
internal sealed class HealthProbe(string host) : IDisposable
{
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(2) };

    public Uri? EndpointOf(int port) => port > 0 ? new UriBuilder(Uri.UriSchemeHttp, host, port).Uri : null;

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
