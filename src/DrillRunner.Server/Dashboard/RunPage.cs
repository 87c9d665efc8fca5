using System.Globalization;
using System.Text;
using System.Text.Json;
using DrillRunner.Hosting;
using DrillRunner.Journal;
using DrillRunner.Runs;
using Microsoft.AspNetCore.Http;

namespace DrillRunner.Dashboard;

/// <summary>
/// <c>/runs/{id}</c>: while the run is queued or running, its live state (the script polls the API every second
/// and reloads when it ends); afterwards, the HTML run report in a frame.
/// </summary>
internal static class RunPage
{
    public static async Task<IResult> RenderAsync(HttpContext context, string id, Runner runner, RunCoordinator coordinator, ServerOperatorChannel operators, CancellationToken ct)
    {
        if (await runner.Journal.GetRunAsync(id, ct) is not { } run)
        {
            return PageLayout.Page(context, "Unknown run", $"<h1>Unknown run</h1><p>No run with id {PageLayout.Encode(id)}.</p>");
        }

        var active = run.Status is RunStatus.Queued or RunStatus.Running;
        var canAct = PageLayout.IsOperator(context.User);
        var live = coordinator.Live(id);
        var progress = live?.Progress;
        var encodedId = PageLayout.Encode(id);
        var html = new StringBuilder("<section id=\"run\"").Append(active ? $" data-live-run=\"{encodedId}\"" : string.Empty).Append('>')
            .Append("<h1>").Append(PageLayout.Encode(run.Drill)).Append(" <small class=\"muted\">").Append(encodedId).Append("</small></h1>")
            .Append("<p>Environment ").Append(PageLayout.Encode(run.Environment)).Append(" · trigger ").Append(PageLayout.Encode(run.Trigger))
            .Append(" · started ").Append(PageLayout.Encode(CatalogPage.Time(run.StartedAt))).Append("</p>")
            .Append("<p id=\"message\" class=\"error\" role=\"status\"></p><div class=\"facts\">")
            .Append(Fact("Status", "status", RunsPage.Word(run.Status)));
        if (active)
        {
            html.Append(Fact("Phase", "phase", progress is null ? "waiting" : JsonNamingPolicy.KebabCaseLower.ConvertName(progress.Phase.ToString())))
                .Append(Fact("Elapsed", "elapsed", progress is null ? "–" : progress.Elapsed.TotalSeconds.ToString("0.0 's'", CultureInfo.InvariantCulture)))
                .Append(Fact("Probe success", "probe-rate", progress?.ProbeSuccessRate is { } rate ? (rate * 100).ToString("0.0 '%'", CultureInfo.InvariantCulture) : "–"))
                .Append("</div><p>Active faults: <span id=\"faults\">").Append(PageLayout.Encode(progress is { ActiveFaults.Count: > 0 } ? string.Join(", ", progress.ActiveFaults) : "none")).Append("</span></p>");
            if (canAct)
            {
                var pending = operators.Pending(id);
                html.Append("<p><button type=\"button\" class=\"danger\" id=\"abort\" data-action=\"abort\" data-id=\"").Append(encodedId).Append("\">Abort</button></p>")
                    .Append("<p id=\"ack\"").Append(pending is null ? " hidden" : string.Empty).Append(">Waiting for you: <b id=\"ack-prompt\">").Append(PageLayout.Encode(pending?.Prompt))
                    .Append("</b> <button type=\"button\" id=\"acknowledge\" data-action=\"ack\" data-id=\"").Append(encodedId).Append("\">Acknowledge</button></p>");
            }

            html.Append("<h2>Recent events</h2><ul id=\"events\">");
            foreach (var e in (live?.Events ?? []).TakeLast(15).Reverse())
            {
                html.Append("<li>").Append(PageLayout.Encode($"{e.At:HH:mm:ss} {e.Kind}: {e.Message}")).Append("</li>");
            }

            html.Append("</ul>");
        }
        else
        {
            html.Append(Fact("Verdict", "verdict", run.Verdict ?? "–"))
                .Append(Fact("Score", "score", run.Score?.ToString("0.#", CultureInfo.InvariantCulture) ?? "–"))
                .Append(Fact("Ended", "ended", CatalogPage.Time(run.EndedAt)))
                .Append("</div>");
            html.Append(await runner.Journal.GetResultJsonAsync(id, ct) is null
                ? "<p class=\"muted\">This run has no report (it never started).</p>"
                : $"<iframe id=\"report\" title=\"Run report\" sandbox=\"allow-same-origin\" src=\"/runs/{Uri.EscapeDataString(id)}/report.html\"></iframe>");
        }

        html.Append("</section>");
        return PageLayout.Page(context, $"Run {id}", html.ToString());
    }

    private static string Fact(string label, string id, string value) =>
        $"<div>{PageLayout.Encode(label)}<b id=\"{id}\">{PageLayout.Encode(value)}</b></div>";
}
