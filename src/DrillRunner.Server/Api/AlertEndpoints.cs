using System.Text.Json;
using DrillRunner.Alerts;
using DrillRunner.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace DrillRunner.Api;

/// <summary>
/// Alertmanager's webhook receiver on the server: <c>POST /api/alerts/alertmanager</c> (operator key as
/// <c>Authorization: Bearer</c>, which Alertmanager's <c>http_config.authorization</c> sends). Each notification goes to
/// the runs in progress, timed as it arrived; each run keeps the alerts its <c>alerts.match</c> selects.
/// </summary>
internal static class AlertEndpoints
{
    private const int MaxBodyBytes = 1 << 20;

    public static IEndpointRouteBuilder MapAlertsApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/alerts/alertmanager", ReceiveAsync).RequireAuthorization(Roles.Operator).DisableAntiforgery();
        return app;
    }

    private static async Task<IResult> ReceiveAsync(HttpContext http, AlertNotifications notifications, TimeProvider time, CancellationToken ct)
    {
        // Timed before the body is read: the notification arrived when its request did.
        var receivedAt = time.GetUtcNow();
        if (http.Request.ContentLength > MaxBodyBytes)
        {
            return Results.Problem(statusCode: 413, detail: "notification too large");
        }

        JsonElement body;
        try
        {
            body = await JsonSerializer.DeserializeAsync<JsonElement>(http.Request.Body, cancellationToken: ct);
        }
        catch (JsonException ex)
        {
            return Results.Problem(statusCode: 400, detail: $"not an Alertmanager notification: {ex.Message}");
        }

        var alerts = AlertPayloads.FromAlertmanagerWebhook(body);
        notifications.Publish(alerts, receivedAt);
        return Results.Ok(new { firing = alerts.Count });
    }
}
