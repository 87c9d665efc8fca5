using DrillRunner.Drills;
using DrillRunner.Hosting;
using DrillRunner.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace DrillRunner.Dashboard;

/// <summary>
/// The web dashboard: server-rendered pages over the same journal and coordinator as the API. Pages send a browser
/// without a session to the sign-in page instead of answering 401; every change goes through the API.
/// </summary>
public static class DashboardEndpoints
{
    public static WebApplication MapDashboard(this WebApplication app)
    {
        app.UseDashboardForgeryGuard();
        app.MapGet(DashboardScript.Path, DashboardScript.Serve).AllowAnonymous().ExcludeFromDescription();
        app.MapGet("/", HomeAsync).AllowAnonymous().ExcludeFromDescription();
        Viewer(app.MapGet("/runs", RunsPage.RenderAsync));
        Viewer(app.MapGet("/runs/{id}", RunPage.RenderAsync));
        Viewer(app.MapGet("/runs/{id}/report.html", ReportPages.RunReportAsync));
        Viewer(app.MapGet("/reports/leadership", ReportPages.LeadershipPage));
        Viewer(app.MapGet("/reports/leadership.html", ReportPages.LeadershipAsync));
        return app;
    }

    private static void Viewer(RouteHandlerBuilder page) =>
        page.AllowAnonymous().ExcludeFromDescription().AddEndpointFilter(async (c, next) => Refusal(c.HttpContext) ?? await next(c));

    private static async Task<IResult> HomeAsync(HttpContext context, string? returnUrl, DrillIndex drills, Runner runner, CancellationToken ct) =>
        context.User.Identity?.IsAuthenticated != true
            ? PageLayout.Page(context, "Sign in", SignInPage.Body(returnUrl))
            : Refusal(context) ?? await CatalogPage.RenderAsync(context, drills, runner, ct);

    /// <summary>No session: to the sign-in page, coming back here afterwards. Signed in without a role: 403.</summary>
    private static IResult? Refusal(HttpContext context)
    {
        if (context.User.Identity?.IsAuthenticated != true)
        {
            var here = context.Request.Path + context.Request.QueryString;
            return context.Request.Path == "/" ? null : Results.Redirect("/?returnUrl=" + Uri.EscapeDataString(here));
        }

        return Roles.AtLeast(Roles.Viewer).Any(context.User.IsInRole) ? null : Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Forbidden");
    }
}
