using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DrillRunner.Server.Tests.Harness;

namespace DrillRunner.Server.Tests.Api;

/// <summary>Who may do what: anonymous only /health, viewers read, operators mutate, admins audit and Hangfire.</summary>
[Collection(HangfireHostsCollection.Name)]
public sealed class AccessControlTests : IAsyncLifetime
{
    private ServerHarness _server = null!;

    public static TheoryData<string> Mutations => new() { "/api/drills/quick/runs", "/api/runs/some-run/abort", "/api/runs/some-run/ack" };

    public static TheoryData<string> Reads => new() { "/api/drills", "/api/runs", "/api/runs/some-run", "/api/runs/some-run/report", "/metrics", "/openapi/v1.json" };

    public async Task InitializeAsync() =>
        _server = await ServerHarness.StartAsync(new Dictionary<string, string> { ["quick"] = TestDrills.Kill("quick") });

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Health_answers_anonymous_callers()
    {
        using var client = _server.Client(null);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health")).StatusCode);
    }

    [Theory]
    [MemberData(nameof(Mutations))]
    public async Task Every_mutating_endpoint_refuses_anonymous_callers_with_401(string path)
    {
        using var client = _server.Client(null);
        using var response = await client.PostAsJsonAsync(path, new { reason = "x" });
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [MemberData(nameof(Mutations))]
    public async Task Every_mutating_endpoint_refuses_viewers_with_403(string path)
    {
        using var client = _server.Client(ServerHarness.ViewerKey);
        using var response = await client.PostAsJsonAsync(path, new { reason = "x" });
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Theory]
    [MemberData(nameof(Reads))]
    public async Task Reads_refuse_anonymous_callers(string path)
    {
        using var client = _server.Client(null);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync(path)).StatusCode);
    }

    [Fact]
    public async Task A_wrong_key_is_refused_with_401()
    {
        using var client = _server.Client("not-a-key");
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/drills")).StatusCode);
    }

    [Fact]
    public async Task Audit_log_is_for_admins_only()
    {
        using var viewer = _server.Client(ServerHarness.ViewerKey);
        using var operatorClient = _server.Client(ServerHarness.OperatorKey);
        using var admin = _server.Client(ServerHarness.AdminKey);
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.GetAsync("/api/audit")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await operatorClient.GetAsync("/api/audit")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/api/audit")).StatusCode);
    }

    [Fact]
    public async Task Hangfire_dashboard_is_for_admins_only()
    {
        using var anonymous = _server.Client(null);
        using var operatorClient = _server.Client(ServerHarness.OperatorKey);
        using var admin = _server.Client(ServerHarness.AdminKey);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/hangfire")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await operatorClient.GetAsync("/hangfire")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/hangfire")).StatusCode);
    }

    [Fact]
    public async Task Signing_in_with_a_key_gives_a_cookie_session_with_its_role()
    {
        using var handler = new HttpClientHandler { UseCookies = true, CookieContainer = new CookieContainer() };
        using var client = new HttpClient(handler) { BaseAddress = _server.Address };
        using var wrong = await client.PostAsync("/signin", new FormUrlEncodedContent([new("key", "nope")]));
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        using var signIn = await client.PostAsync("/signin", new FormUrlEncodedContent([new("key", ServerHarness.ViewerKey)]));
        Assert.Equal(HttpStatusCode.NoContent, signIn.StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/drills")).StatusCode);
        using var trigger = await client.PostAsJsonAsync("/api/drills/quick/runs", new { });
        Assert.Equal(HttpStatusCode.Forbidden, trigger.StatusCode);
    }

    [Theory]
    [InlineData("{ not json", "could not be read")]
    [InlineData("{ \"ifBusy\": \"maybe\" }", "ifBusy must be")]
    [InlineData("[1, 2]", "could not be read")]
    public async Task A_malformed_trigger_body_is_a_400_problem_saying_what_is_wrong(string body, string expected)
    {
        using var client = _server.Client(ServerHarness.OperatorKey);
        using var response = await client.PostAsync("/api/drills/quick/runs", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains(expected, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Triggering_an_unknown_drill_is_a_404_problem()
    {
        using var client = _server.Client(ServerHarness.OperatorKey);
        using var response = await client.PostAsJsonAsync("/api/drills/nope/runs", new { });
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("no drill named 'nope'", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenApi_document_lists_the_run_endpoints()
    {
        using var client = _server.Client(ServerHarness.ViewerKey);
        var document = await client.GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var paths = document.GetProperty("paths");
        Assert.True(paths.TryGetProperty("/api/drills/{name}/runs", out _));
        Assert.True(paths.TryGetProperty("/api/runs/{id}/report", out _));
    }
}
