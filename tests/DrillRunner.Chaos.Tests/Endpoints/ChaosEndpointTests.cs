using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace DrillRunner.Chaos.Tests.Endpoints;

public sealed class ChaosEndpointTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("wrong-token")]
    [InlineData("s3cret-token-but-longer")]
    public async Task Control_calls_without_the_right_token_get_401(string? token)
    {
        await using var host = await ChaosTestHost.StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Put, "/_chaos/faults/boom")
        {
            Content = JsonContent.Create(new { kind = "error", rate = 1.0 }),
        };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        using var response = await host.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await host.Client.GetAsync(new Uri("/orders", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task Without_a_configured_token_the_control_endpoint_does_not_exist()
    {
        await using var host = await ChaosTestHost.StartAsync(token: null);

        using var response = await host.Client.GetAsync(new Uri("/_chaos", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task A_full_rate_error_fault_fails_requests_with_its_status_counts_injections_and_stops_on_delete()
    {
        await using var host = await ChaosTestHost.StartAsync();
        using var put = await SendAsync(host, HttpMethod.Put, "/_chaos/faults/boom",
            new { kind = "error", rate = 1.0, statusCode = 502, route = "/orders", leaseSeconds = 30 });
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);

        for (var i = 0; i < 3; i++)
        {
            using var failed = await host.Client.GetAsync(new Uri("/orders", UriKind.Relative));
            Assert.Equal(HttpStatusCode.BadGateway, failed.StatusCode);
        }

        using var untouched = await host.Client.GetAsync(new Uri("/products", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, untouched.StatusCode);
        var status = await StatusAsync(host);
        Assert.Equal(3, status.GetProperty("injections").GetProperty("boom").GetInt64());
        Assert.Equal("boom", status.GetProperty("faults")[0].GetProperty("name").GetString());

        using var delete = await SendAsync(host, HttpMethod.Delete, "/_chaos/faults/boom", null);
        Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);
        using var healed = await host.Client.GetAsync(new Uri("/orders", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, healed.StatusCode);
        Assert.Equal(0, (await StatusAsync(host)).GetProperty("faults").GetArrayLength());
    }

    [Fact]
    public async Task An_outcome_fault_answers_its_status_without_reaching_the_endpoint()
    {
        await using var host = await ChaosTestHost.StartAsync();
        using var put = await SendAsync(host, HttpMethod.Put, "/_chaos/faults/unavailable", new { kind = "outcome", statusCode = 503 });
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);

        using var response = await host.Client.GetAsync(new Uri("/products", UriKind.Relative));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Contains("unavailable", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Renew_extends_an_active_fault_and_answers_404_for_an_unknown_one()
    {
        await using var host = await ChaosTestHost.StartAsync();
        using var put = await SendAsync(host, HttpMethod.Put, "/_chaos/faults/slow", new { kind = "latency", latencyMs = 1, leaseSeconds = 5 });
        var before = (await put.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("expiresAt").GetDateTimeOffset();

        using var renewed = await SendAsync(host, HttpMethod.Post, "/_chaos/faults/slow/renew", new { leaseSeconds = 600 });
        using var unknown = await SendAsync(host, HttpMethod.Post, "/_chaos/faults/nope/renew", new { leaseSeconds = 600 });
        using var invalid = await SendAsync(host, HttpMethod.Post, "/_chaos/faults/slow/renew", new { leaseSeconds = 7200 });

        Assert.Equal(HttpStatusCode.OK, renewed.StatusCode);
        var after = (await renewed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("expiresAt").GetDateTimeOffset();
        Assert.True(after - before > TimeSpan.FromSeconds(500), $"{before} -> {after}");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
    }

    [Theory]
    [InlineData("""{ "kind": "error", "rate": 1.5 }""", "rate must be between 0 and 1")]
    [InlineData("""{ "kind": "error", "leaseSeconds": 0 }""", "leaseSeconds must be between 1 and 3600")]
    [InlineData("""{ "kind": "error", "rate": """, "invalid JSON body")]
    public async Task Invalid_fault_bodies_get_400_with_a_clear_message(string body, string expected)
    {
        await using var host = await ChaosTestHost.StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Put, "/_chaos/faults/bad")
        {
            Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", ChaosTestHost.Token);

        using var response = await host.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(expected, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_settings_override_is_live_rejects_unknown_keys_and_is_restored_by_delete()
    {
        await using var host = await ChaosTestHost.StartAsync();

        using var unknown = await SendAsync(host, HttpMethod.Put, "/_chaos/settings",
            new { settings = new Dictionary<string, string> { ["Demo:Nope"] = "x" }, leaseSeconds = 60 });
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("Demo:Nope", await unknown.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var put = await SendAsync(host, HttpMethod.Put, "/_chaos/settings",
            new { settings = new Dictionary<string, string> { ["Demo:Greeting"] = "broken" }, leaseSeconds = 60 });
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.Equal("broken", await host.Client.GetStringAsync(new Uri("/greeting", UriKind.Relative)));

        using var delete = await SendAsync(host, HttpMethod.Delete, "/_chaos/settings", null);
        Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);
        Assert.Equal("hello", await host.Client.GetStringAsync(new Uri("/greeting", UriKind.Relative)));
    }

    private static async Task<HttpResponseMessage> SendAsync(ChaosTestHost host, HttpMethod method, string path, object? body)
    {
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", ChaosTestHost.Token);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        return await host.Client.SendAsync(request);
    }

    private static async Task<JsonElement> StatusAsync(ChaosTestHost host)
    {
        using var response = await SendAsync(host, HttpMethod.Get, "/_chaos", null);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
