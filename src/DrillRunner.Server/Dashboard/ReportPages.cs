using System.Text;
using DrillRunner.Drills;
using DrillRunner.Hosting;
using DrillRunner.Reports;
using DrillRunner.Reports.Leadership;
using Microsoft.AspNetCore.Http;

namespace DrillRunner.Dashboard;

/// <summary>The HTML run report (framed by the run page) and the leadership report, served under a no-network policy.</summary>
internal static class ReportPages
{
    public static async Task<IResult> RunReportAsync(HttpContext context, string id, Runner runner, CancellationToken ct)
    {
        if (await runner.Journal.GetResultJsonAsync(id, ct) is not { } json)
        {
            return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "No report", detail: $"run '{id}' has no result (unknown, queued, running, or never started)");
        }

        var result = SavedResults.Read(json);
        return PageLayout.Html(context, ReportFormats.Render(result, ReportFormats.Html), PageLayout.ReportPolicy);
    }

    /// <summary><c>/reports/leadership?since=</c>: the dashboard frame around the report, with a period picker.</summary>
    public static IResult LeadershipPage(HttpContext context, string? since)
    {
        var period = string.IsNullOrEmpty(since) ? "90d" : since;
        var valid = LeadershipOptions.TryParsePeriod(period, out _);
        var html = new StringBuilder("<h1>Leadership report</h1><form method=\"get\" action=\"/reports/leadership\">Period <select name=\"since\">");
        foreach (var choice in (string[])["30d", "90d", "180d", "365d"])
        {
            html.Append("<option").Append(choice == period ? " selected" : string.Empty).Append('>').Append(choice).Append("</option>");
        }

        html.Append("</select> <button type=\"submit\">Show</button></form>").Append(valid
            ? $"<iframe id=\"report\" title=\"Leadership report\" sandbox=\"allow-same-origin\" src=\"/reports/leadership.html?since={Uri.EscapeDataString(period)}\"></iframe>"
            : $"<p class=\"error\">since must look like 90d, 12w or 48h, not '{PageLayout.Encode(period)}'</p>");
        return PageLayout.Page(context, "Leadership", html.ToString());
    }

    public static async Task<IResult> LeadershipAsync(HttpContext context, string? since, DrillIndex drills, Runner runner, CancellationToken ct)
    {
        var period = TimeSpan.FromDays(90);
        if (!string.IsNullOrEmpty(since) && !LeadershipOptions.TryParsePeriod(since, out period))
        {
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Bad period", detail: $"since must look like 90d, 12w or 48h, not '{since}'");
        }

        var options = new LeadershipOptions { Since = period, KnownDrills = [.. drills.All.Select(d => d.Name)] };
        var summary = await LeadershipReport.BuildAsync(runner.Journal, options, runner.Time, ct);
        return PageLayout.Html(context, LeadershipRenderers.Html(summary), PageLayout.ReportPolicy);
    }
}
