using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace DemoShop.Tests.Lb;

public sealed class LoadBalancerChaosTests
{
    [Fact]
    public async Task A_fault_on_the_backends_dependency_fails_forwarded_requests_until_deleted()
    {
        await using var app = await ShopServer.StartAsync(new Dictionary<string, string?> { ["Shop:InstanceName"] = "a1" });
        await using var lb = await ShopServer.StartAsync(new Dictionary<string, string?>
        {
            ["Shop:Role"] = "lb",
            ["Shop:Backends"] = app.BaseAddress.ToString(),
        });
        await lb.WaitForHealthyBackendsAsync(1);

        using var put = await ControlAsync(lb, HttpMethod.Put, "/_chaos/faults/backend-503",
            new { kind = "outcome", statusCode = 503, dependency = "backends", leaseSeconds = 30 });
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        using var failed = await lb.Client.GetAsync(new Uri("/products", UriKind.Relative));
        using var status = await ControlAsync(lb, HttpMethod.Get, "/_chaos", null);
        var injections = (await status.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("injections");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, failed.StatusCode);
        Assert.Equal(1, injections.GetProperty("backend-503").GetInt64());
        // The LB's own endpoints are inbound, not calls to the dependency: untouched.
        Assert.Equal(HttpStatusCode.OK, (await lb.Client.GetAsync(new Uri("/health", UriKind.Relative))).StatusCode);

        using var delete = await ControlAsync(lb, HttpMethod.Delete, "/_chaos/faults/backend-503", null);
        using var healed = await lb.Client.GetAsync(new Uri("/products", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, healed.StatusCode);
    }

    private static async Task<HttpResponseMessage> ControlAsync(ShopServer shop, HttpMethod method, string path, object? body)
    {
        using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", ShopServer.ChaosToken);
        return await shop.Client.SendAsync(request);
    }
}
