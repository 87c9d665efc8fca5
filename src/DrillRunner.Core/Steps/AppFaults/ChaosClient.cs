using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using DrillRunner.Drivers;

namespace DrillRunner.Steps.AppFaults;

/// <summary>Talks to one instance's DrillRunner.Chaos control endpoint (<c>/_chaos</c>) with its bearer token.</summary>
internal sealed class ChaosClient(HttpClient http, Uri instance, string token)
{
    private static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(5);

    public Task PutFaultAsync(string name, object body, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Put, $"/_chaos/faults/{Uri.EscapeDataString(name)}", body, cancellationToken);

    public Task<bool> RenewFaultAsync(string name, int leaseSeconds, CancellationToken cancellationToken) =>
        SendAllowingMissingAsync(HttpMethod.Post, $"/_chaos/faults/{Uri.EscapeDataString(name)}/renew", new { leaseSeconds }, cancellationToken);

    /// <summary>Idempotent: a fault already gone (expired lease, restarted process) is fine.</summary>
    public Task<bool> DeleteFaultAsync(string name, CancellationToken cancellationToken) =>
        SendAllowingMissingAsync(HttpMethod.Delete, $"/_chaos/faults/{Uri.EscapeDataString(name)}", null, cancellationToken);

    public Task PutSettingsAsync(IReadOnlyDictionary<string, string> settings, int leaseSeconds, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Put, "/_chaos/settings", new { settings, leaseSeconds }, cancellationToken);

    public Task<bool> RenewSettingsAsync(int leaseSeconds, CancellationToken cancellationToken) =>
        SendAllowingMissingAsync(HttpMethod.Post, "/_chaos/settings/renew", new { leaseSeconds }, cancellationToken);

    public Task<bool> DeleteSettingsAsync(CancellationToken cancellationToken) =>
        SendAllowingMissingAsync(HttpMethod.Delete, "/_chaos/settings", null, cancellationToken);

    public async Task<JsonElement> GetStatusAsync(CancellationToken cancellationToken)
    {
        using var response = await CallAsync(HttpMethod.Get, "/_chaos", null, cancellationToken);
        await EnsureAsync(response, cancellationToken);
        return await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
    }

    private async Task SendAsync(HttpMethod method, string path, object? body, CancellationToken cancellationToken)
    {
        using var response = await CallAsync(method, path, body, cancellationToken);
        await EnsureAsync(response, cancellationToken);
    }

    private async Task<bool> SendAllowingMissingAsync(HttpMethod method, string path, object? body, CancellationToken cancellationToken)
    {
        using var response = await CallAsync(method, path, body, cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return false;
        }

        await EnsureAsync(response, cancellationToken);
        return true;
    }

    private async Task<HttpResponseMessage> CallAsync(HttpMethod method, string path, object? body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, new Uri(instance, path));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(CallTimeout);
        try
        {
            return await http.SendAsync(request, timeout.Token);
        }
        catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            throw new DriverException($"chaos endpoint of {instance} unreachable: {ex.Message}", ex);
        }
    }

    private async Task EnsureAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (!response.IsSuccessStatusCode)
        {
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            throw new DriverException($"chaos endpoint of {instance} answered {(int)response.StatusCode}: {text}");
        }
    }
}
