using System.Security.Claims;
using DrillRunner.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace DrillRunner.Audit;

/// <summary><c>GET /api/audit?limit=</c>, admins only.</summary>
internal static class AuditEndpoints
{
    public static IEndpointRouteBuilder MapAuditApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/audit", async (AuditLog audit, int? limit, CancellationToken ct) =>
            Results.Ok(await audit.ReadAsync(Math.Clamp(limit ?? 200, 1, 10_000), ct)))
            .RequireAuthorization(Roles.Admin);
        return app;
    }

    /// <summary>Records an accepted mutation made by the caller of <paramref name="context"/>.</summary>
    public static Task AuditAsync(this HttpContext context, AuditLog audit, string action, string target, string? detail) =>
        audit.WriteAsync(context.User.FindFirstValue(ClaimTypes.Name) ?? "?", context.Connection.RemoteIpAddress?.ToString(), action, target, detail, CancellationToken.None);
}
