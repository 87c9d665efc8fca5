using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DrillRunner.Dashboard;
using DrillRunner.Security;
using DrillRunner.Server.Tests.Harness;
using Microsoft.Extensions.DependencyInjection;

namespace DrillRunner.Server.Tests.Security;

/// <summary>Dashboard sign-ins: audited either way, slowed after repeated failures, ended when their key goes.</summary>
[Collection(HangfireHostsCollection.Name)]
public sealed class SignInTests : IAsyncLifetime
{
    private ServerHarness _server = null!;

    public async Task InitializeAsync() => _server = await ServerHarness.StartAsync(new Dictionary<string, string> { ["quick"] = TestDrills.Kill("quick") });

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Sign_ins_and_failed_sign_ins_are_audited_with_the_address()
    {
        using var browser = Browser();
        using (await SignInAsync(browser, "wrong-key"))
        {
        }

        using (await SignInAsync(browser, ServerHarness.OperatorKey))
        {
        }

        var audit = await AuditAsync();
        Assert.Contains(audit, e => e.GetProperty("action").GetString() == "signin-failed" && e.GetProperty("remoteIp").GetString() == "127.0.0.1");
        Assert.Contains(audit, e => e.GetProperty("action").GetString() == "signin" && e.GetProperty("who").GetString() == "operator"
            && e.GetProperty("detail").GetString() == "role operator");
    }

    [Fact]
    public async Task Repeated_failed_sign_ins_are_answered_429_with_retry_after_even_for_a_right_key()
    {
        using var browser = Browser();
        for (var i = 0; i < 5; i++)
        {
            using var wrong = await SignInAsync(browser, $"guess-{i}");
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        }

        using var slowed = await SignInAsync(browser, ServerHarness.ViewerKey);
        using var header = _server.Client(ServerHarness.ViewerKey);
        using var byHeader = await header.GetAsync(new Uri("/api/drills", UriKind.Relative));

        Assert.Equal(HttpStatusCode.TooManyRequests, slowed.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(1), slowed.Headers.RetryAfter?.Delta);
        Assert.Equal(HttpStatusCode.TooManyRequests, byHeader.StatusCode);
        using var health = await _server.Client(null).GetAsync(new Uri("/health", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }

    [Fact]
    public async Task Removing_a_key_ends_its_dashboard_sessions_at_once()
    {
        var store = _server.App.Services.GetRequiredService<ApiKeyStore>();
        var key = await store.CreateAsync("temp", Roles.Operator, TimeProvider.System, CancellationToken.None);
        using var browser = Browser();
        using (var signIn = await SignInAsync(browser, key))
        {
            Assert.Equal(HttpStatusCode.NoContent, signIn.StatusCode);
        }

        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync(new Uri("/runs", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync(new Uri("/api/runs", UriKind.Relative))).StatusCode);

        await store.RemoveAsync("temp", TimeProvider.System, CancellationToken.None);

        using var page = await browser.GetAsync(new Uri("/runs", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/?returnUrl=", page.Headers.Location?.OriginalString, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetAsync(new Uri("/api/runs", UriKind.Relative))).StatusCode);

        // A new key under the same name does not revive the old session.
        await store.CreateAsync("temp", Roles.Operator, TimeProvider.System, CancellationToken.None);
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetAsync(new Uri("/api/runs", UriKind.Relative))).StatusCode);
    }

    private HttpClient Browser()
    {
        var handler = new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new CookieContainer() };
        var client = new HttpClient(handler, disposeHandler: true) { BaseAddress = _server.Address, Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Add(ForgeryGuard.Header, "1");
        return client;
    }

    private static Task<HttpResponseMessage> SignInAsync(HttpClient browser, string key) =>
        browser.PostAsync(new Uri("/signin", UriKind.Relative), new FormUrlEncodedContent([new("key", key)]));

    private async Task<List<JsonElement>> AuditAsync()
    {
        using var admin = _server.Client(ServerHarness.AdminKey);
        return [.. (await admin.GetFromJsonAsync<JsonElement>("/api/audit")).EnumerateArray()];
    }
}
