using System.Net;

namespace DrillRunner.Testing.Servers;

/// <summary>
/// Behaviour under load: <c>n</c> requests at once, each on its own connection, counting those answered 200 with the
/// whole body. Bounded: one round, a timeout per request, 127.0.0.1 only.
/// </summary>
public static class ConcurrentRequests
{
    public static async Task<int> CountOkAsync(Uri url, int n, int minimumBytes, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (!IPAddress.IsLoopback(IPAddress.Parse(url.Host)))
        {
            throw new ArgumentException($"load goes to 127.0.0.1 only, not {url.Host}", nameof(url));
        }

        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = n, PooledConnectionLifetime = TimeSpan.Zero };
        using var http = new HttpClient(handler) { Timeout = timeout };
        var answers = await Task.WhenAll(Enumerable.Range(0, n).Select(async _ =>
        {
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, url) { Headers = { ConnectionClose = true } };
                using var response = await http.SendAsync(request);
                var body = await response.Content.ReadAsByteArrayAsync();
                return response.StatusCode == HttpStatusCode.OK && body.Length >= minimumBytes;
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or IOException)
            {
                return false;
            }
        }));
        return answers.Count(ok => ok);
    }
}
