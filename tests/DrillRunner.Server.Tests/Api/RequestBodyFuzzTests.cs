using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;
using DrillRunner.Server.Tests.Harness;

namespace DrillRunner.Server.Tests.Api;

/// <summary>
/// Over a thousand mutated request bodies sent to the trigger endpoint (the one that reads a body): each gets a clear client error (or is
/// accepted when the mutation happens to be valid), never a server error, never a hang.
/// </summary>
[Collection(HangfireHostsCollection.Name)]
public sealed class RequestBodyFuzzTests : IAsyncLifetime
{
    private const int Cases = 1100;
    private static readonly string[] Fragments =
    [
        "{", "}", "[", "]", "\"", ":", ",", "null", "true", "-1", "1e999", "\"queue\"", "\"refuse\"", "\"later\"", "\\u0000",
        new string('[', 3000), new string('x', 100_000), "{\"reason\":", "\"ifBusy\":", "NaN", "\u00ff\u00fe",
    ];

    private ServerHarness _server = null!;

    public async Task InitializeAsync() =>
        _server = await ServerHarness.StartAsync(new Dictionary<string, string> { ["quick"] = TestDrills.Kill("quick") });

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Mutated_bodies_get_client_errors_with_a_message_and_never_a_server_error()
    {
        var random = new Random(20261124);
        using var client = _server.Client(ServerHarness.OperatorKey);
        var statuses = new Dictionary<HttpStatusCode, int>();
        var slowest = TimeSpan.Zero;
        for (var i = 0; i < Cases; i++)
        {
            var body = Mutate("{\"reason\":\"fuzz\",\"ifBusy\":\"refuse\"}", random);
            const string path = "/api/drills/quick/runs";
            using var content = new StringContent(body, Encoding.UTF8, i % 17 == 0 ? "text/plain" : "application/json");
            var watch = Stopwatch.StartNew();
            using var response = await client.PostAsync(path, content);
            watch.Stop();
            slowest = watch.Elapsed > slowest ? watch.Elapsed : slowest;
            statuses[response.StatusCode] = statuses.GetValueOrDefault(response.StatusCode) + 1;
            var text = await response.Content.ReadAsStringAsync();

            Assert.True((int)response.StatusCode < 500, $"case {i}: {(int)response.StatusCode} for {path} with body {Shorten(body)}: {Shorten(text)}");
            if (response.StatusCode == HttpStatusCode.BadRequest)
            {
                using var problem = JsonDocument.Parse(text);
                Assert.True(problem.RootElement.TryGetProperty("detail", out _) || problem.RootElement.TryGetProperty("title", out _), $"case {i}: 400 without a message: {Shorten(text)}");
            }
        }

        Assert.True(slowest < TimeSpan.FromSeconds(2), $"slowest answer took {slowest}");
        Assert.True(statuses.GetValueOrDefault(HttpStatusCode.BadRequest) + statuses.GetValueOrDefault(HttpStatusCode.UnsupportedMediaType) > Cases / 3, string.Join(", ", statuses));
    }

    private static string Mutate(string valid, Random random)
    {
        var text = valid;
        for (var edits = random.Next(1, 4); edits > 0; edits--)
        {
            var at = random.Next(text.Length + 1);
            text = random.Next(3) switch
            {
                0 => text[..at] + Fragments[random.Next(Fragments.Length)] + text[at..],
                1 => at < text.Length ? text[..at] + text[Math.Min(text.Length, at + random.Next(1, 8))..] : text,
                _ => text[..at],
            };
        }

        return text;
    }

    private static string Shorten(string text) => text.Length <= 200 ? text : text[..200] + "...";
}
