using System.Security.Claims;
using DrillRunner.Audit;
using DrillRunner.Engine.Halt;
using DrillRunner.Hosting;
using DrillRunner.Safety;
using DrillRunner.Security;
using DrillRunner.Steps;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace DrillRunner.Api;

/// <summary>
/// <c>GET /api/halt</c> (viewers), <c>POST /api/halt</c> and <c>DELETE /api/halt</c> (admins): the halt-all switch.
/// Halting stops every run on every runner sharing the switch and blocks new ones until released; both are audited.
/// </summary>
internal static class HaltEndpoints
{
    public static IEndpointRouteBuilder MapHaltApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/halt", async (Runner runner, CancellationToken ct) => Results.Ok(View(await runner.Halt.ReadAsync(ct))))
            .RequireAuthorization(Roles.Viewer).Produces<HaltView>();
        app.MapPost("/api/halt", HaltAsync).RequireAuthorization(Roles.Admin).Accepts<HaltBody>("application/json").Produces<HaltView>();
        app.MapDelete("/api/halt", ReleaseAsync).RequireAuthorization(Roles.Admin).Produces<HaltView>();
        return app;
    }

    private static async Task<IResult> HaltAsync(HttpContext context, Runner runner, HaltWatcher watcher, AuditLog audit, CancellationToken ct)
    {
        var (body, error) = await RequestBody.ReadAsync<HaltBody>(context.Request, JsonDefaults.Options);
        if (error is not null)
        {
            return error;
        }

        var who = "api:" + context.User.FindFirstValue(ClaimTypes.Name);
        var state = await runner.Halt.HaltAsync(who, string.IsNullOrWhiteSpace(body!.Reason) ? null : body.Reason.Trim(), ct);
        await context.AuditAsync(audit, "halt", "all", state.Reason);

        // Act now rather than at the next poll: this runner's runs stop at once.
        await watcher.CheckAsync(ct);
        return Results.Ok(View(state));
    }

    private static async Task<IResult> ReleaseAsync(HttpContext context, Runner runner, HaltWatcher watcher, AuditLog audit, CancellationToken ct)
    {
        var was = await runner.Halt.ReadAsync(ct);
        var released = await runner.Halt.ReleaseAsync(ct);
        await context.AuditAsync(audit, "release-halt", "all", was is null ? "was not halted" : $"halted since {was.Since:O} by {was.By}");
        await watcher.CheckAsync(ct);
        return Results.Ok(View(await runner.Halt.ReadAsync(ct)) with { Released = released });
    }

    private static HaltView View(HaltState? state) =>
        new(state is not null, state?.Since, state?.By, state?.Reason, state?.Source, state?.Describe(), false);
}

/// <summary>Body of <c>POST /api/halt</c>.</summary>
public sealed class HaltBody
{
    public string? Reason { get; init; }
}

internal sealed record HaltView(bool Halted, DateTimeOffset? Since, string? By, string? Reason, string? Source, string? Message, bool Released);
