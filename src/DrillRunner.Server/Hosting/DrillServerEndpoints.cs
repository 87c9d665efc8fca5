using DrillRunner.Api;
using DrillRunner.Audit;
using DrillRunner.Dashboard;
using DrillRunner.Metrics;
using DrillRunner.Security;
using Hangfire;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Prometheus;

namespace DrillRunner.Hosting;

/// <summary>The server's middleware and endpoints: one file per resource.</summary>
public static class DrillServerEndpoints
{
    public static WebApplication MapDrillApi(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseSignInThrottle();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseHangfireDashboard("/hangfire", new DashboardOptions { Authorization = [new AdminDashboardFilter()], DisplayStorageConnectionString = false },
            app.Services.GetRequiredService<JobStorage>());

        app.MapGet("/health", () => Results.Ok(new { status = "ok" })).AllowAnonymous();
        app.MapSignIn();
        app.MapDrillsApi();
        app.MapRunsApi();
        app.MapAlertsApi();
        app.MapHaltApi();
        app.MapAuditApi();
        app.MapDashboard();
        app.MapOpenApi().RequireAuthorization(Roles.Viewer);
        app.MapMetrics(s => s.Registry = app.Services.GetRequiredService<DrillMetrics>().Registry).RequireAuthorization(Roles.Viewer);
        return app;
    }
}
