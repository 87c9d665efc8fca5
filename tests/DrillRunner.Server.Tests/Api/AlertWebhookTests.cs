using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using DrillRunner.Server.Tests.Harness;

namespace DrillRunner.Server.Tests.Api;

/// <summary>Alertmanager's notifications to <c>drill serve</c>: operator keys only, delivered to the live run, timed on arrival.</summary>
[Collection(HangfireHostsCollection.Name)]
public sealed class AlertWebhookTests : IAsyncLifetime
{
    private ServerHarness _server = null!;

    public async Task InitializeAsync()
    {
        // The Alertmanager the drill polls is not there: only the server's webhook endpoint can bring the alert.
        var nobody = FreePort.Next().ToString(CultureInfo.InvariantCulture);
        var alerts = $"alerts:\n  kind: alertmanager\n  url: http://127.0.0.1:{nobody}\n  match: {{ service: fake-shop }}\npreflight:";
        var drill = TestDrills.Kill("alerted", faultFor: "1s", extraSteps: TestDrills.AckStep)
            .Replace("preflight:", alerts, StringComparison.Ordinal)
            .Replace("objectives:", "objectives:\n  - kind: alert\n    name: ShopSlow\n    within: 20s", StringComparison.Ordinal);
        _server = await ServerHarness.StartAsync(new Dictionary<string, string> { ["alerted"] = drill });
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task A_notification_reaches_the_live_run_and_times_its_named_alert()
    {
        var id = await _server.TriggerAsync("alerted");
        await _server.WaitAsync(id, v => v.GetProperty("live") is { ValueKind: JsonValueKind.Object } l && l.GetProperty("pendingAck").ValueKind == JsonValueKind.Object);
        var firedAt = TimeProvider.System.GetUtcNow();
        var before = TimeProvider.System.GetUtcNow();

        using var response = await PostAsync(ServerHarness.OperatorKey, Notification(firedAt, "fake-shop"));
        var after = TimeProvider.System.GetUtcNow();
        using var other = await PostAsync(ServerHarness.OperatorKey, Notification(firedAt, "someone-else"));
        using var client = _server.Client(ServerHarness.OperatorKey);
        (await client.PostAsync($"/api/runs/{id}/ack", null)).Dispose();
        var done = await _server.WaitAsync(id);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = done.GetProperty("result");
        var alert = Assert.Single(result.GetProperty("timeline").GetProperty("alerts").EnumerateArray());
        Assert.Equal("ShopSlow", alert.GetProperty("name").GetString());
        Assert.Equal(firedAt.ToUnixTimeMilliseconds(), alert.GetProperty("firedAt").GetDateTimeOffset().ToUnixTimeMilliseconds());
        Assert.InRange(alert.GetProperty("receivedAt").GetDateTimeOffset(), before, after);
        var objective = result.GetProperty("score").GetProperty("objectives").EnumerateArray().Single(o => o.GetProperty("kind").GetString() == "alert");
        Assert.True(objective.GetProperty("met").GetBoolean(), objective.ToString());
    }

    [Fact]
    public async Task Viewers_and_strangers_cannot_post_alerts()
    {
        using var anonymous = await PostAsync(null, Notification(TimeProvider.System.GetUtcNow(), "fake-shop"));
        using var viewer = await PostAsync(ServerHarness.ViewerKey, Notification(TimeProvider.System.GetUtcNow(), "fake-shop"));

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, viewer.StatusCode);
    }

    [Fact]
    public async Task A_body_that_is_not_json_is_refused_with_400()
    {
        using var response = await PostAsync(ServerHarness.OperatorKey, "{ not json");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    private async Task<HttpResponseMessage> PostAsync(string? key, string body)
    {
        using var client = new HttpClient { BaseAddress = _server.Address };
        if (key is not null)
        {
            // As Alertmanager's http_config.authorization sends it.
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }

        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        return await client.PostAsync("/api/alerts/alertmanager", content);
    }

    private static string Notification(DateTimeOffset startsAt, string service) => $$"""
        { "version": "4", "status": "firing", "receiver": "drillrunner-server", "groupLabels": { "alertname": "ShopSlow" },
          "alerts": [ { "status": "firing", "labels": { "alertname": "ShopSlow", "service": "{{service}}" },
                        "startsAt": "{{startsAt.UtcDateTime.ToString("O", CultureInfo.InvariantCulture)}}", "endsAt": "0001-01-01T00:00:00Z" } ] }
        """;
}
