using System.Globalization;
using System.Text;
using System.Text.Json;
using DrillRunner.Drills;
using DrillRunner.Hosting;
using DrillRunner.Journal;
using Microsoft.AspNetCore.Http;

namespace DrillRunner.Dashboard;

/// <summary><c>/runs?drill=&amp;status=</c>: the journal's latest runs, filtered.</summary>
internal static class RunsPage
{
    public static async Task<IResult> RenderAsync(HttpContext context, string? drill, string? status, DrillIndex drills, Runner runner, CancellationToken ct)
    {
        var wanted = Enum.GetValues<RunStatus>().Where(s => Word(s) == status).Select(s => (RunStatus?)s).FirstOrDefault();
        var drillName = string.IsNullOrEmpty(drill) ? null : drill;
        var runs = await runner.Journal.FindRunsAsync(new RunQuery(drillName, wanted, Limit: 200), ct);

        var html = new StringBuilder("<h1>Runs</h1><form method=\"get\" action=\"/runs\" id=\"filters\"><label>Drill <select name=\"drill\"><option value=\"\">all</option>");
        foreach (var entry in drills.All)
        {
            html.Append(Option(entry.Name, entry.Name == drillName));
        }

        html.Append("</select></label> <label>Status <select name=\"status\"><option value=\"\">all</option>");
        foreach (var s in Enum.GetValues<RunStatus>())
        {
            html.Append(Option(Word(s), s == wanted));
        }

        html.Append("</select></label> <button type=\"submit\">Filter</button></form>")
            .Append("<table id=\"runs\"><thead><tr><th>Run</th><th>Drill</th><th>Environment</th><th>Status</th><th>Verdict</th><th>Score</th><th>Started</th><th>Trigger</th></tr></thead><tbody>");
        foreach (var run in runs)
        {
            html.Append("<tr><td><a href=\"/runs/").Append(Uri.EscapeDataString(run.Id)).Append("\">").Append(PageLayout.Encode(run.Id)).Append("</a></td><td>")
                .Append(PageLayout.Encode(run.Drill)).Append("</td><td>").Append(PageLayout.Encode(run.Environment)).Append("</td><td>")
                .Append(PageLayout.Encode(Word(run.Status))).Append("</td><td class=\"").Append(PageLayout.Encode(run.Verdict)).Append("\">")
                .Append(PageLayout.Encode(run.Verdict)).Append("</td><td>").Append(run.Score?.ToString("0.#", CultureInfo.InvariantCulture)).Append("</td><td>")
                .Append(PageLayout.Encode(CatalogPage.Time(run.StartedAt))).Append("</td><td>").Append(PageLayout.Encode(run.Trigger)).Append("</td></tr>");
        }

        html.Append("</tbody></table>");
        if (runs.Count == 0)
        {
            html.Append("<p class=\"muted\">No runs match.</p>");
        }

        return PageLayout.Page(context, "Runs", html.ToString());
    }

    public static string Word(RunStatus status) => JsonNamingPolicy.KebabCaseLower.ConvertName(status.ToString());

    private static string Option(string value, bool selected) =>
        $"<option value=\"{PageLayout.Encode(value)}\"{(selected ? " selected" : string.Empty)}>{PageLayout.Encode(value)}</option>";
}
