using System.Globalization;
using System.Text;
using DrillRunner.Drills;
using DrillRunner.Hosting;
using DrillRunner.Journal;
using Microsoft.AspNetCore.Http;

namespace DrillRunner.Dashboard;

/// <summary><c>/</c>: every drill with its environment, schedule, next run and last verdict; Run now for operators.</summary>
internal static class CatalogPage
{
    public static async Task<IResult> RenderAsync(HttpContext context, DrillIndex drills, Runner runner, CancellationToken ct)
    {
        var canRun = PageLayout.IsOperator(context.User);
        var now = runner.Time.GetUtcNow();
        var html = new StringBuilder("<h1>Drills</h1><p id=\"message\" class=\"error\" role=\"status\"></p><table id=\"drills\"><thead><tr>")
            .Append("<th>Drill</th><th>Environment</th><th>Schedule</th><th>Next run</th><th>Last verdict</th>").Append(canRun ? "<th></th>" : string.Empty)
            .Append("</tr></thead><tbody>");
        foreach (var entry in drills.All)
        {
            var last = (await runner.Journal.FindRunsAsync(new RunQuery(Drill: entry.Name, Limit: 20), ct))
                .FirstOrDefault(r => r.Status is not (RunStatus.Queued or RunStatus.Running));
            html.Append("<tr data-drill=\"").Append(PageLayout.Encode(entry.Name)).Append("\"><td>").Append(PageLayout.Encode(entry.Name));
            if ((entry.Error ?? entry.ScheduleError) is { } error)
            {
                html.Append("<br><small class=\"error\">").Append(PageLayout.Encode(error)).Append("</small>");
            }

            html.Append("</td><td>").Append(PageLayout.Encode(entry.Drill?.Environment.Name))
                .Append("</td><td>").Append(PageLayout.Encode(entry.Drill?.Spec.Schedule?.Cron ?? "manual"))
                .Append("</td><td>").Append(PageLayout.Encode(Time(entry.Schedule?.NextAllowed(now))))
                .Append("</td><td>").Append(Verdict(last)).Append("</td>");
            if (canRun)
            {
                html.Append("<td>").Append(entry.Drill is null ? string.Empty : $"<button type=\"button\" data-run=\"{PageLayout.Encode(entry.Name)}\">Run now</button>").Append("</td>");
            }

            html.Append("</tr>");
        }

        html.Append("</tbody></table>");
        return PageLayout.Page(context, "Drills", html.ToString());
    }

    public static string Time(DateTimeOffset? at) => at?.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture) ?? "–";

    private static string Verdict(RunRecord? run) => run is null
        ? "<span class=\"muted\">never run</span>"
        : $"<a href=\"/runs/{Uri.EscapeDataString(run.Id)}\" class=\"{PageLayout.Encode(run.Verdict)}\">{PageLayout.Encode(run.Verdict ?? run.Status.ToString())}</a> <small class=\"muted\">{PageLayout.Encode(Time(run.EndedAt))}</small>";
}
