using System.Text.Json;
using DrillRunner.Alerts;

namespace DrillRunner.Core.Tests.Alerts;

/// <summary>The documents alerts arrive in, in the shapes Prometheus 2.42 and Alertmanager 0.25 send them.</summary>
public sealed class AlertPayloadsTests
{
    [Fact]
    public void A_prometheus_rule_alert_fires_at_its_active_time_plus_the_rules_for()
    {
        var alerts = AlertPayloads.FromPrometheusRules(Parse("""
            { "status": "success", "data": { "groups": [ { "name": "shop", "rules": [
              { "name": "ShopSlow", "type": "alerting", "duration": 5, "state": "firing", "alerts": [
                { "labels": { "alertname": "ShopSlow", "service": "demo-shop" }, "state": "firing", "activeAt": "2026-11-24T10:00:03.5Z", "value": "1e+00" } ] },
              { "name": "ShopErrors", "type": "alerting", "duration": 5, "state": "pending", "alerts": [
                { "labels": { "alertname": "ShopErrors" }, "state": "pending", "activeAt": "2026-11-24T10:00:07Z" } ] } ] } ] } }
            """));

        var alert = Assert.Single(alerts);
        Assert.Equal("ShopSlow", alert.Name);
        Assert.Equal(new DateTimeOffset(2026, 11, 24, 10, 0, 8, 500, TimeSpan.Zero), alert.FiredAt);
        Assert.Equal("alertname=ShopSlow,service=demo-shop", alert.Fingerprint);
    }

    [Fact]
    public void Alertmanager_api_alerts_count_only_when_active()
    {
        var alerts = AlertPayloads.FromAlertmanagerApi(Parse("""
            [ { "labels": { "alertname": "ShopSlow" }, "startsAt": "2026-11-24T10:00:08.5Z", "status": { "state": "active" }, "fingerprint": "a1" },
              { "labels": { "alertname": "Quiet" }, "startsAt": "2026-11-24T10:00:01Z", "status": { "state": "suppressed" } } ]
            """));

        var alert = Assert.Single(alerts);
        Assert.Equal(new DateTimeOffset(2026, 11, 24, 10, 0, 8, 500, TimeSpan.Zero), alert.FiredAt);
    }

    [Fact]
    public void A_webhook_notification_gives_its_firing_alerts_and_leaves_out_resolved_ones()
    {
        var alerts = AlertPayloads.FromAlertmanagerWebhook(Parse("""
            { "version": "4", "status": "firing", "receiver": "drill", "groupLabels": { "alertname": "ShopSlow" },
              "alerts": [
                { "status": "firing", "labels": { "alertname": "ShopSlow", "instance": "a" }, "startsAt": "2026-11-24T10:00:08Z", "endsAt": "0001-01-01T00:00:00Z" },
                { "status": "resolved", "labels": { "alertname": "ShopSlow", "instance": "b" }, "startsAt": "2026-11-24T09:00:00Z", "endsAt": "2026-11-24T09:10:00Z" } ] }
            """));

        var alert = Assert.Single(alerts);
        Assert.Equal("alertname=ShopSlow,instance=a", alert.Fingerprint);
    }

    [Fact]
    public void Documents_of_the_wrong_shape_give_no_alerts_instead_of_throwing()
    {
        Assert.Empty(AlertPayloads.FromAlertmanagerWebhook(Parse("""{ "alerts": "none" }""")));
        Assert.Empty(AlertPayloads.FromAlertmanagerApi(Parse("""{ "data": [] }""")));
        Assert.Empty(AlertPayloads.FromAlertmanagerWebhook(Parse("""{ "alerts": [ { "status": "firing", "labels": {}, "startsAt": "soon" } ] }""")));
    }

    private static JsonElement Parse(string json) => JsonDocument.Parse(json).RootElement.Clone();
}
