using System.Security.Claims;
using DrillRunner.Audit;
using DrillRunner.Engine.Locks;
using DrillRunner.Hosting;
using DrillRunner.Steps;
using Microsoft.AspNetCore.Http;

namespace DrillRunner.Api;

/// <summary>
/// <c>POST /api/runs/{id}/give-up</c> (admins, with a reason): the server's <c>drill recover --give-up</c>, for the
/// runs of a shared journal. The unrestored changes are left as they are and no longer retried; audited.
/// </summary>
internal static class GiveUpEndpoint
{
    public static async Task<IResult> GiveUpAsync(string id, HttpContext context, Runner runner, AuditLog audit, CancellationToken ct)
    {
        var (body, error) = await RequestBody.ReadAsync<GiveUpBody>(context.Request, JsonDefaults.Options);
        if (error is not null)
        {
            return error;
        }

        if (string.IsNullOrWhiteSpace(body!.Reason))
        {
            return Results.Problem(statusCode: 400, title: "Reason required", detail: "giving up on a restore needs a reason (it is audited)");
        }

        if (await runner.Journal.GetRunAsync(id, ct) is null)
        {
            return Results.Problem(statusCode: 404, title: "Unknown run", detail: $"no run with id '{id}'");
        }

        var who = "api:" + context.User.FindFirstValue(ClaimTypes.Name);
        try
        {
            var left = await runner.GiveUpAsync(id, who, body.Reason, ct);
            await context.AuditAsync(audit, "give-up", id, body.Reason.Trim());
            return Results.Ok(new { id, givenUp = true, by = who, left = left.Select(e => new { e.Step, e.Record.Kind, e.Record.Target, e.Detail }) });
        }
        catch (Exception ex) when (ex is InvalidOperationException or EnvironmentBusyException)
        {
            return Results.Problem(statusCode: 409, title: "Cannot give up", detail: ex.Message);
        }
    }
}

/// <summary>Body of <c>POST /api/runs/{id}/give-up</c>.</summary>
public sealed class GiveUpBody
{
    public string? Reason { get; init; }
}
