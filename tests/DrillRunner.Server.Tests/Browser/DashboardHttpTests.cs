using System.Net;
using DrillRunner.Server.Tests.Harness;

namespace DrillRunner.Server.Tests.Browser;

/// <summary>The dashboard's pages and its forgery guard over plain HTTP (no browser needed).</summary>
[Collection(HangfireHostsCollection.Name)]
public sealed class DashboardHttpTests : IAsyncLifetime
{
    private ServerHarness _server = null!;

    public async Task InitializeAsync() =>
        _server = await ServerHarness.StartAsync(new Dictionary<string, string> { ["quick<b>"] = TestDrills.Kill("quick<b>") });

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task A_page_without_a_session_redirects_to_the_sign_in_form_and_comes_back()
    {
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = _server.Address };

        using var runs = await client.GetAsync("/runs?drill=x");
        Assert.Equal(HttpStatusCode.Redirect, runs.StatusCode);
        Assert.Equal("/?returnUrl=%2Fruns%3Fdrill%3Dx", runs.Headers.Location?.OriginalString);
        var home = await client.GetStringAsync(runs.Headers.Location);
        Assert.Contains("action=\"/signin\"", home, StringComparison.Ordinal);
        Assert.Contains("value=\"/runs?drill=x\"", home, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_cookie_session_post_needs_the_dashboard_header_and_the_same_origin()
    {
        using var client = await SignedInAsync(ServerHarness.OperatorKey);

        using var bare = await client.PostAsync("/api/runs/nope/abort", null);
        Assert.Equal(HttpStatusCode.Forbidden, bare.StatusCode);
        Assert.Contains("X-DrillRunner-Request", await bare.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var foreign = new HttpRequestMessage(HttpMethod.Post, "/api/runs/nope/abort");
        foreign.Headers.Add("X-DrillRunner-Request", "dashboard");
        foreign.Headers.Add("Origin", "http://evil.example");
        Assert.Equal(HttpStatusCode.Forbidden, (await client.SendAsync(foreign)).StatusCode);

        using var dashboard = new HttpRequestMessage(HttpMethod.Post, "/api/runs/nope/abort");
        dashboard.Headers.Add("X-DrillRunner-Request", "dashboard");
        dashboard.Headers.Add("Origin", _server.Address.ToString().TrimEnd('/'));
        Assert.Equal(HttpStatusCode.NotFound, (await client.SendAsync(dashboard)).StatusCode);

        // API keys are not a browser's ambient credential: no header needed.
        using var api = _server.Client(ServerHarness.OperatorKey);
        Assert.Equal(HttpStatusCode.NotFound, (await api.PostAsync("/api/runs/nope/abort", null)).StatusCode);
    }

    [Fact]
    public async Task Catalog_runs_and_leadership_pages_encode_what_they_show()
    {
        var id = await _server.TriggerAsync("quick<b>");
        await _server.WaitAsync(id);
        using var client = await SignedInAsync(ServerHarness.ViewerKey);

        var catalog = await client.GetStringAsync("/");
        Assert.Contains("quick&lt;b&gt;", catalog, StringComparison.Ordinal);
        Assert.DoesNotContain("quick<b>", catalog, StringComparison.Ordinal);
        var runs = await client.GetStringAsync("/runs?status=completed");
        Assert.Contains($"href=\"/runs/{id}\"", runs, StringComparison.Ordinal);
        Assert.DoesNotContain("<td>quick<b>", runs, StringComparison.Ordinal);

        var page = await client.GetStringAsync("/reports/leadership?since=30d");
        Assert.Contains("src=\"/reports/leadership.html?since=30d\"", page, StringComparison.Ordinal);
        using var leadership = await client.GetAsync("/reports/leadership.html?since=30d");
        Assert.Equal(HttpStatusCode.OK, leadership.StatusCode);
        Assert.Contains("quick&lt;b&gt;", await leadership.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.StartsWith("default-src 'none'", leadership.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/reports/leadership.html?since=soon")).StatusCode);
        var badPeriod = await client.GetStringAsync("/reports/leadership?since=soon%3C%3E");
        Assert.Contains("not 'soon&lt;&gt;'", badPeriod, StringComparison.Ordinal);
        Assert.DoesNotContain("soon<>", badPeriod, StringComparison.Ordinal);
    }

    private async Task<HttpClient> SignedInAsync(string key)
    {
        var client = new HttpClient(new HttpClientHandler { UseCookies = true, CookieContainer = new CookieContainer() }) { BaseAddress = _server.Address };
        using var signIn = await client.PostAsync("/signin", new FormUrlEncodedContent([new("key", key)]));
        Assert.Equal(HttpStatusCode.NoContent, signIn.StatusCode);
        return client;
    }
}
