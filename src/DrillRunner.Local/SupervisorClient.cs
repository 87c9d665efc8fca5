using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using DrillRunner.Drivers;
using DrillRunner.Local.Shared;

namespace DrillRunner.Local;

/// <summary>
/// Calls one supervisor's control API on 127.0.0.1 with the token from its state file. The only client of that API:
/// the driver (and anything built on it, such as an environment's autoscaler) reaches the supervisor through
/// <see cref="SupervisorLauncher.ConnectAsync"/>, which reads the state file.
/// </summary>
internal sealed class SupervisorClient(HttpClient http, int port, string token)
{
    private readonly Uri _base = new($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}/");

    public async Task<bool> PingAsync(CancellationToken cancellationToken)
    {
        try
        {
            using var request = Request(HttpMethod.Get, "instances", null);
            using var response = await http.SendAsync(request, cancellationToken);
            return response.IsSuccessStatusCode;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    public Task<InstanceRecord> AddAsync(InstanceLaunch launch, CancellationToken cancellationToken) =>
        SendAsync<InstanceRecord>(HttpMethod.Post, "instances", JsonContent.Create(launch, options: StateFiles.Json), cancellationToken);

    public Task<InstanceRecord> OperateAsync(string id, string operation, CancellationToken cancellationToken, HttpContent? body = null, string query = "") =>
        SendAsync<InstanceRecord>(HttpMethod.Post, $"instances/{Uri.EscapeDataString(id)}/{operation}{query}", body, cancellationToken);

    public Task<InstanceRecord> ReconfigureAsync(string id, IReadOnlyDictionary<string, string?> settings, CancellationToken cancellationToken) =>
        OperateAsync(id, "reconfigure", cancellationToken, JsonContent.Create(settings, options: StateFiles.Json));

    public Task<JsonElement> RemoveAsync(string id, CancellationToken cancellationToken) =>
        SendAsync<JsonElement>(HttpMethod.Delete, $"instances/{Uri.EscapeDataString(id)}", null, cancellationToken);

    public Task<JsonElement> ShutdownAsync(CancellationToken cancellationToken) =>
        SendAsync<JsonElement>(HttpMethod.Post, "shutdown", null, cancellationToken);

    private HttpRequestMessage Request(HttpMethod method, string path, HttpContent? body)
    {
        var request = new HttpRequestMessage(method, new Uri(_base, path)) { Content = body };
        request.Headers.TryAddWithoutValidation("Authorization", ControlToken.Header(token));
        return request;
    }

    private async Task<T> SendAsync<T>(HttpMethod method, string path, HttpContent? body, CancellationToken cancellationToken)
    {
        using var request = Request(method, path, body);
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, cancellationToken);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            throw new DriverException($"local supervisor on 127.0.0.1:{port} did not answer {method} /{path}: {ex.Message}", ex);
        }

        using (response)
        {
            if (!response.IsSuccessStatusCode)
            {
                var text = await response.Content.ReadAsStringAsync(cancellationToken);
                throw new DriverException($"local supervisor refused {method} /{path}: {(int)response.StatusCode} {text}");
            }

            return await response.Content.ReadFromJsonAsync<T>(StateFiles.Json, cancellationToken)
                ?? throw new DriverException($"local supervisor sent an empty answer to {method} /{path}");
        }
    }
}
