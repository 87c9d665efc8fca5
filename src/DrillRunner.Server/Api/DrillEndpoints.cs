using System.Security.Claims;
using DrillRunner.Audit;
using DrillRunner.Drills;
using DrillRunner.Hosting;
using DrillRunner.Journal;
using DrillRunner.Runs;
using DrillRunner.Security;
using DrillRunner.Steps;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace DrillRunner.Api;

/// <summary><c>GET /api/drills</c> and <c>POST /api/drills/{name}/runs</c>.</summary>
internal static class DrillEndpoints
{
    public static IEndpointRouteBuilder MapDrillsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/drills", ListAsync).RequireAuthorization(Roles.Viewer);
        app.MapPost("/api/drills/{name}/runs", TriggerAsync).RequireAuthorization(Roles.Operator)
            .Accepts<TriggerBody>("application/json").Produces<TriggerResponse>(StatusCodes.Status202Accepted);
        return app;
    }

    private static async Task<IResult> ListAsync(DrillIndex drills, Runner runner, CancellationToken ct)
    {
        var now = runner.Time.GetUtcNow();
        var list = new List<DrillView>();
        foreach (var entry in drills.All)
        {
            var last = (await runner.Journal.FindRunsAsync(new RunQuery(Drill: entry.Name, Limit: 20), ct))
                .FirstOrDefault(r => r.Status is not (RunStatus.Queued or RunStatus.Running));
            list.Add(new DrillView(
                entry.Name,
                entry.Drill?.Environment.Name,
                entry.Drill?.Spec.Description,
                entry.Drill?.Spec.Schedule is { } s ? new ScheduleView(s.Cron, s.TimeZone, s.Windows, s.Blackouts) : null,
                entry.Schedule?.NextAllowed(now),
                last is null ? null : new LastRunView(last.Id, last.Status, last.Verdict, last.Score, last.EndedAt),
                entry.Error ?? entry.ScheduleError));
        }

        return Results.Ok(list);
    }

    private static async Task<IResult> TriggerAsync(string name, HttpContext context, RunCoordinator coordinator, AuditLog audit, CancellationToken ct)
    {
        var (body, error) = await RequestBody.ReadAsync<TriggerBody>(context.Request, JsonDefaults.Options);
        if (error is not null)
        {
            return error;
        }

        if (body!.IfBusy is not (TriggerBody.Queue or TriggerBody.Refuse))
        {
            return Results.Problem(statusCode: 400, title: "Malformed request body", detail: $"ifBusy must be '{TriggerBody.Queue}' or '{TriggerBody.Refuse}', not '{body.IfBusy}'");
        }

        var who = context.User.FindFirstValue(ClaimTypes.Name);
        var trigger = string.IsNullOrWhiteSpace(body.Reason) ? $"api:{who}" : $"api:{who} ({body.Reason.Trim()})";
        var outcome = await coordinator.TriggerAsync(name, trigger, body.IfBusy == TriggerBody.Refuse, ct);
        return outcome.Refusal switch
        {
            TriggerRefusal.UnknownDrill => Results.Problem(statusCode: 404, title: "Unknown drill", detail: outcome.Detail),
            TriggerRefusal.InvalidDrill => Results.Problem(statusCode: 422, title: "Invalid drill", detail: outcome.Detail),
            TriggerRefusal.Busy => Results.Problem(statusCode: 409, title: "Environment busy", detail: outcome.Detail),
            TriggerRefusal.Halted => await RefusedAsync(context, audit, name, outcome.Detail!),
            _ => await AcceptedAsync(context, audit, name, outcome.RunId!, trigger),
        };
    }

    // Every trigger the halt refuses is audited with why, as the accepted ones are.
    private static async Task<IResult> RefusedAsync(HttpContext context, AuditLog audit, string drill, string detail)
    {
        await context.AuditAsync(audit, "trigger-refused", drill, detail);
        return Results.Problem(statusCode: 409, title: "Drills halted", detail: detail);
    }

    private static async Task<IResult> AcceptedAsync(HttpContext context, AuditLog audit, string drill, string runId, string trigger)
    {
        await context.AuditAsync(audit, "trigger", drill, $"run {runId}, trigger {trigger}");
        var location = $"/api/runs/{runId}";
        return Results.Accepted(location, new TriggerResponse(runId, drill, RunStatus.Queued, location));
    }
}

internal sealed record TriggerResponse(string Id, string Drill, RunStatus Status, string Location);

internal sealed record DrillView(string Name, string? Environment, string? Description, ScheduleView? Schedule, DateTimeOffset? NextRun, LastRunView? LastRun, string? Error);

internal sealed record ScheduleView(string Cron, string TimeZone, IReadOnlyList<string> Windows, IReadOnlyList<string> Blackouts);

internal sealed record LastRunView(string Id, RunStatus Status, string? Verdict, double? Score, DateTimeOffset? EndedAt);
