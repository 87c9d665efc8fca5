using System.Security.Claims;
using System.Text.Json;
using DrillRunner.Audit;
using DrillRunner.Engine;
using DrillRunner.Hosting;
using DrillRunner.Journal;
using DrillRunner.Reports;
using DrillRunner.Runs;
using DrillRunner.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace DrillRunner.Api;

/// <summary>Runs: list, detail (live or finished), report, abort, ack.</summary>
internal static class RunEndpoints
{
    public static IEndpointRouteBuilder MapRunsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/runs", ListAsync).RequireAuthorization(Roles.Viewer);
        app.MapGet("/api/runs/{id}", GetAsync).RequireAuthorization(Roles.Viewer);
        app.MapGet("/api/runs/{id}/report", ReportAsync).RequireAuthorization(Roles.Viewer);
        app.MapPost("/api/runs/{id}/abort", AbortAsync).RequireAuthorization(Roles.Operator);
        app.MapPost("/api/runs/{id}/ack", AckAsync).RequireAuthorization(Roles.Operator);
        app.MapPost("/api/runs/{id}/give-up", GiveUpEndpoint.GiveUpAsync).RequireAuthorization(Roles.Admin).Accepts<GiveUpBody>("application/json");
        return app;
    }

    private static async Task<IResult> ListAsync(Runner runner, string? drill, string? status, int? limit, CancellationToken ct)
    {
        RunStatus? wanted = null;
        if (!string.IsNullOrEmpty(status))
        {
            var parsed = Enum.GetValues<RunStatus>().Where(s => Matches(s, status)).ToList();
            if (parsed.Count != 1)
            {
                return Results.Problem(statusCode: 400, detail: $"status '{status}' is not one of {string.Join(", ", Enum.GetValues<RunStatus>().Select(Word))}");
            }

            wanted = parsed[0];
        }

        return Results.Ok(await runner.Journal.FindRunsAsync(new RunQuery(drill, wanted, Limit: Math.Clamp(limit ?? 100, 1, 1000)), ct));
    }

    private static async Task<IResult> GetAsync(string id, Runner runner, RunCoordinator coordinator, ServerOperatorChannel operators, CancellationToken ct)
    {
        if (await runner.Journal.GetRunAsync(id, ct) is not { } run)
        {
            return NotFound(id);
        }

        var live = coordinator.Live(id);
        LiveView? liveView = live is null ? null : new LiveView(
            live.Progress?.Phase, live.Progress?.Elapsed.TotalSeconds, live.Progress?.ProbeSuccessRate, live.Progress?.ActiveFaults ?? [],
            live.Events, operators.Pending(id) is { } ack ? new AckView(ack.Step, ack.Prompt) : null);
        var json = await runner.Journal.GetResultJsonAsync(id, ct);
        var result = json is null ? (JsonElement?)null : JsonDocument.Parse(json).RootElement;
        var events = live is null && json is null ? await runner.Journal.GetEventsAsync(id, ct) : null;
        return Results.Ok(new RunView(run, liveView, result, events));
    }

    private static async Task<IResult> ReportAsync(string id, string? format, Runner runner, CancellationToken ct)
    {
        if (format is not (null or "md" or "json"))
        {
            return Results.Problem(statusCode: 400, detail: $"format must be md or json, not '{format}'");
        }

        if (await runner.Journal.GetRunAsync(id, ct) is null)
        {
            return NotFound(id);
        }

        if (await runner.Journal.GetResultJsonAsync(id, ct) is not { } json)
        {
            return Results.Problem(statusCode: 409, title: "No report yet", detail: $"run {id} has no result (queued, running, or it never started)");
        }

        if (format == "json")
        {
            return Results.Text(json, "application/json");
        }

        var result = SavedResults.Read(json);
        return Results.Text(MarkdownReport.Render(result), "text/markdown; charset=utf-8");
    }

    private static async Task<IResult> AbortAsync(string id, HttpContext context, Runner runner, RunCoordinator coordinator, AuditLog audit, CancellationToken ct)
    {
        var who = "api:" + context.User.FindFirstValue(ClaimTypes.Name);
        if (coordinator.Live(id) is { } live)
        {
            live.RequestAbort($"aborted by {who}");
            await context.AuditAsync(audit, "abort", id, $"drill {live.Drill}");
            return Results.Accepted($"/api/runs/{id}", new { id, aborting = true });
        }

        if (await runner.Journal.GetRunAsync(id, ct) is not { } run)
        {
            return NotFound(id);
        }

        if (!runner.IsShared || run.Status is not (RunStatus.Queued or RunStatus.Running))
        {
            return Results.Problem(statusCode: 409, title: "Run not active", detail: $"run {id} is not queued or running");
        }

        // Another runner has it (or none yet): the request is stored for the runner that executes it.
        var forwarded = await ForwardedRequests.AbortAsync(context.RequestServices, runner, run, who, ct);
        await context.AuditAsync(audit, "abort", id, $"drill {run.Drill}: {forwarded.Outcome}");
        return Results.Accepted($"/api/runs/{id}", new { id, aborting = true, forwarded = true, outcome = forwarded.Outcome });
    }

    private static async Task<IResult> AckAsync(string id, HttpContext context, Runner runner, ServerOperatorChannel operators, AuditLog audit, CancellationToken ct)
    {
        var pending = operators.Pending(id);
        var who = "api:" + context.User.FindFirstValue(ClaimTypes.Name);
        if (pending is not null && operators.TryAcknowledge(id, who))
        {
            await context.AuditAsync(audit, "ack", id, $"step {pending.Step}");
            return Results.Ok(new { id, acknowledged = pending.Step, by = who });
        }

        if (runner.IsShared && await runner.Journal.GetRunAsync(id, ct) is { Status: RunStatus.Running } run)
        {
            var forwarded = await ForwardedRequests.AckAsync(context.RequestServices, runner, run, who, ct);
            if (forwarded.Acknowledged is { } step)
            {
                await context.AuditAsync(audit, "ack", id, $"step {step} (on the runner executing the run)");
                return Results.Ok(new { id, acknowledged = step, by = who, forwarded = true });
            }

            if (forwarded.Outcome is not null)
            {
                return Results.Problem(statusCode: 409, title: "Nothing to acknowledge", detail: $"run {id} is not waiting for an acknowledgement");
            }

            await context.AuditAsync(audit, "ack", id, "stored for the runner executing the run");
            return Results.Accepted($"/api/runs/{id}", new { id, forwarded = true, outcome = "pending" });
        }

        return Results.Problem(statusCode: 409, title: "Nothing to acknowledge", detail: $"run {id} is not waiting for an acknowledgement");
    }

    private static IResult NotFound(string id) => Results.Problem(statusCode: 404, title: "Unknown run", detail: $"no run with id '{id}'");

    private static bool Matches(RunStatus status, string text) =>
        string.Equals(status.ToString(), text, StringComparison.OrdinalIgnoreCase) || Word(status) == text;

    private static string Word(RunStatus status) => JsonNamingPolicy.KebabCaseLower.ConvertName(status.ToString());
}

internal sealed record RunView(RunRecord Run, LiveView? Live, JsonElement? Result, IReadOnlyList<Timeline.TimelineEvent>? Events);

internal sealed record LiveView(RunPhase? Phase, double? ElapsedSeconds, double? ProbeSuccessRate, IReadOnlyList<string> ActiveFaults, IReadOnlyList<Timeline.TimelineEvent> RecentEvents, AckView? PendingAck);

internal sealed record AckView(string Step, string Prompt);
