using System.Net;
using System.Text;
using DrillRunner.Dashboard;
using DrillRunner.Security;
using DrillRunner.Server.Tests.Harness;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace DrillRunner.Server.Tests.Api;

/// <summary>
/// Who may call what, over every endpoint of the app's route table: anonymous, viewer, operator, admin, and a key that
/// was removed (its header and its dashboard session). An endpoint without a decision below fails the test, so a new
/// endpoint cannot ship without someone deciding who may call it.
/// </summary>
[Collection(HangfireHostsCollection.Name)]
public sealed class AccessMatrixTests : IAsyncLifetime
{
    // The decision for every endpoint: the least role that may call it. Page: a dashboard page (viewer), which sends a
    // caller without a session to the sign-in page instead of answering 401.
    private static readonly Dictionary<string, Access> Decisions = new(StringComparer.Ordinal)
    {
        ["GET /health"] = Access.Anonymous,
        ["POST /signin"] = Access.Anonymous,
        ["POST /signout"] = Access.Anonymous,
        ["GET " + DashboardScript.Path] = Access.Anonymous,
        ["GET /"] = Access.Anonymous,
        ["GET /runs"] = Access.Page,
        ["GET /runs/{id}"] = Access.Page,
        ["GET /runs/{id}/report.html"] = Access.Page,
        ["GET /reports/leadership"] = Access.Page,
        ["GET /reports/leadership.html"] = Access.Page,
        ["GET /api/drills"] = Access.Viewer,
        ["POST /api/drills/{name}/runs"] = Access.Operator,
        ["GET /api/runs"] = Access.Viewer,
        ["GET /api/runs/{id}"] = Access.Viewer,
        ["GET /api/runs/{id}/report"] = Access.Viewer,
        ["POST /api/runs/{id}/abort"] = Access.Operator,
        ["POST /api/runs/{id}/ack"] = Access.Operator,
        ["POST /api/alerts/alertmanager"] = Access.Operator,
        ["POST /api/runs/{id}/give-up"] = Access.Admin,

        // Halt all: everyone may see it; only admins halt and release (the release follows the halt below).
        ["GET /api/halt"] = Access.Viewer,
        ["POST /api/halt"] = Access.Admin,
        ["DELETE /api/halt"] = Access.Admin,
        ["GET /api/audit"] = Access.Admin,
        ["GET /openapi/{documentName}.json"] = Access.Viewer,
        ["ANY /metrics"] = Access.Viewer,
    };

    // Served by middleware, not by the route table.
    private static readonly Dictionary<string, Access> Middleware = new(StringComparer.Ordinal)
    {
        ["GET /hangfire"] = Access.Admin,
    };

    private static readonly string[] Callers = ["anonymous", Roles.Viewer, Roles.Operator, Roles.Admin, "removed key", "removed key's session"];

    private ServerHarness _server = null!;

    private enum Access
    {
        Anonymous,
        Page,
        Viewer,
        Operator,
        Admin,
    }

    public async Task InitializeAsync() =>
        _server = await ServerHarness.StartAsync(
            new Dictionary<string, string> { ["quick"] = TestDrills.Kill("quick") },
            new Dictionary<string, string?> { ["DrillRunner:FailedSignIns:FreeAttempts"] = "1000000" });

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public void Every_endpoint_of_the_route_table_has_an_access_decision()
    {
        var routes = Routes();
        var undecided = routes.Where(r => !Decisions.ContainsKey(r)).ToList();
        var stale = Decisions.Keys.Where(d => !routes.Contains(d)).ToList();

        Assert.True(undecided.Count == 0, $"endpoints without an access decision (add them to {nameof(Decisions)}): {string.Join(", ", undecided)}");
        Assert.True(stale.Count == 0, $"decisions for endpoints that no longer exist: {string.Join(", ", stale)}");
    }

    [Fact]
    public async Task Every_endpoint_answers_each_caller_as_decided()
    {
        var store = _server.App.Services.GetRequiredService<ApiKeyStore>();
        var removedKey = await store.CreateAsync("leaver", Roles.Admin, TimeProvider.System, CancellationToken.None);
        using var cookies = new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new CookieContainer() };
        using var session = new HttpClient(cookies) { BaseAddress = _server.Address, Timeout = TimeSpan.FromSeconds(30) };
        session.DefaultRequestHeaders.Add(ForgeryGuard.Header, "1");
        using (var signIn = await session.PostAsync(new Uri("/signin", UriKind.Relative), new FormUrlEncodedContent([new("key", removedKey)])))
        {
            Assert.Equal(HttpStatusCode.NoContent, signIn.StatusCode);
        }

        // Both worked before the key went.
        Assert.Equal(HttpStatusCode.OK, (await session.GetAsync(new Uri("/api/audit", UriKind.Relative))).StatusCode);
        using (var header = Client(removedKey))
        {
            Assert.Equal(HttpStatusCode.OK, (await header.GetAsync(new Uri("/api/audit", UriKind.Relative))).StatusCode);
        }

        Assert.True(await store.RemoveAsync("leaver", TimeProvider.System, CancellationToken.None));

        var failures = new List<string>();
        foreach (var (route, access) in Decisions.Concat(Middleware))
        {
            foreach (var caller in Callers)
            {
                using var client = caller switch
                {
                    "anonymous" => Client(null),
                    "removed key" => Client(removedKey),
                    "removed key's session" => null,
                    _ => Client(KeyOf(caller)),
                };
                using var response = await SendAsync(client ?? session, route);
                var role = caller is Roles.Viewer or Roles.Operator or Roles.Admin ? caller : null;
                if (Verdict(access, role, response) is { } wrong)
                {
                    failures.Add($"{route} as {caller}: {wrong}");
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join('\n', failures));
    }

    private static string? Verdict(Access access, string? role, HttpResponseMessage response)
    {
        var status = (int)response.StatusCode;
        var toSignIn = response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location?.OriginalString.StartsWith("/?returnUrl=", StringComparison.Ordinal) == true;
        var allowed = access == Access.Anonymous || (role is not null && Rank(role) >= Rank(access));
        if (allowed)
        {
            return status is 401 or 403 or 429 || toSignIn ? $"expected to be let in, got {status}" : null;
        }

        var expected = access == Access.Page ? "a redirect to the sign-in page" : role is null ? "401" : "403";
        var refused = access == Access.Page ? toSignIn : status == (role is null ? 401 : 403);
        return refused ? null : $"expected {expected}, got {status} {response.Headers.Location}";
    }

    private static int Rank(string role) => Roles.All.ToList().IndexOf(role) + 2;

    private static int Rank(Access access) => (int)access;

    private static string KeyOf(string role) => role switch
    {
        Roles.Viewer => ServerHarness.ViewerKey,
        Roles.Operator => ServerHarness.OperatorKey,
        _ => ServerHarness.AdminKey,
    };

    private HttpClient Client(string? key)
    {
        var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = _server.Address, Timeout = TimeSpan.FromSeconds(30) };
        if (key is not null)
        {
            client.DefaultRequestHeaders.Add(ApiKeyAuthenticationHandler.Header, key);
        }

        return client;
    }

    // Parameters name things that do not exist, so an allowed call is answered (404, 409, ...) without changing anything.
    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, string route)
    {
        var (method, pattern) = (route[..route.IndexOf(' ', StringComparison.Ordinal)], route[(route.IndexOf(' ', StringComparison.Ordinal) + 1)..]);
        var path = pattern.Replace("{id}", "no-such-run", StringComparison.Ordinal)
            .Replace("{name}", "no-such-drill", StringComparison.Ordinal)
            .Replace("{documentName}", "v1", StringComparison.Ordinal);
        using var request = new HttpRequestMessage(method == "ANY" ? HttpMethod.Get : new HttpMethod(method), new Uri(path, UriKind.Relative));
        if (method is not ("GET" or "ANY"))
        {
            request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
        }

        return await client.SendAsync(request);
    }

    private HashSet<string> Routes()
    {
        var routes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var endpoint in _server.App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var methods = endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["ANY"];
            foreach (var method in methods)
            {
                routes.Add($"{method} {"/" + endpoint.RoutePattern.RawText?.TrimStart('/')}");
            }
        }

        return routes;
    }
}
