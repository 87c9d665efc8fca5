using System.Globalization;
using System.Xml.Linq;
using DrillRunner.Reports;
using DrillRunner.Timeline;

namespace DrillRunner.Core.Tests.Reports;

public sealed class HtmlReportTests
{
    private static readonly XNamespace SvgNs = "http://www.w3.org/2000/svg";

    [Fact]
    public async Task The_fault_window_is_shaded_where_the_fault_was_injected_and_reverted_on_the_time_axis()
    {
        var result = await ReportRuns.KillWithActionAsync("5s");
        var chart = ReportRuns.Chart(HtmlReport.Render(result));

        var change = Assert.Single(result.Changes, c => c.Step == "kill-app");
        var window = Assert.Single(chart.Descendants(SvgNs + "rect"), r => Class(r).Contains("fault-window"));
        Assert.Equal("kill-app", (string?)window.Attribute("data-step"));
        var start = Time(chart, "data-start");
        var end = Time(chart, "data-end");
        var left = Number(chart, "data-plot-left");
        var right = Number(chart, "data-plot-right");
        double X(DateTimeOffset at) => left + ((at - start) / (end - start) * (right - left));

        var x = Number(window, "x");
        var width = Number(window, "width");
        Assert.Equal(X(change.InjectedAt!.Value), x, 0.01);
        Assert.Equal(X(change.RevertedAt!.Value), x + width, 0.02);
        // The fault lasted 5s of a longer run: the window is a strict part of the plot.
        Assert.InRange(width, 1, (right - left) * 0.9);
        var plot = chart.Descendants(SvgNs + "rect").First(r => Class(r).Contains("plot-area"));
        Assert.Equal(left, Number(plot, "x"), 0.01);
    }

    [Fact]
    public async Task Runbook_actions_are_marked_and_the_probe_success_rate_is_drawn()
    {
        var result = await ReportRuns.KillWithActionAsync();
        var chart = ReportRuns.Chart(HtmlReport.Render(result));

        var action = Assert.Single(result.Timeline.Events, e => e.Kind == EventKinds.Action && e.Step == "restart-lb");
        var marker = Assert.Single(chart.Descendants(SvgNs + "line"), l => Class(l).Contains("action-marker"));
        Assert.Equal("restart-lb", (string?)marker.Attribute("data-step"));
        Assert.Equal(Time(marker, "data-at"), action.At, TimeSpan.FromMilliseconds(1));
        var success = Assert.Single(chart.Descendants(SvgNs + "path"), p => Class(p).Contains("series-success"));
        // The kill takes an instance down, so the success line must dip below the top (100%) of the panel.
        var ys = ((string)success.Attribute("d")!).Split(' ').Select(point => double.Parse(point[1..].Split(',')[1], CultureInfo.InvariantCulture)).ToList();
        Assert.True(ys.Max() - ys.Min() > 10, "the success rate line is flat although probes failed");
        Assert.Contains(chart.Descendants(SvgNs + "path"), p => Class(p).Contains("series-p95"));
    }

    [Fact]
    public async Task Hostile_text_from_the_drill_is_encoded_and_the_page_loads_nothing_from_outside()
    {
        var result = await ReportRuns.KillWithActionAsync();
        var hostile = result with
        {
            Drill = "\"><img src=x onerror=alert(1)>",
            Description = "<script>alert('owned')</script> & friends",
            Reason = "</title><script>x()</script>",
        };

        var html = HtmlReport.Render(hostile);

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;script&gt;alert(&#39;owned&#39;)&lt;/script&gt; &amp; friends", html, StringComparison.Ordinal);
        Assert.Contains("&quot;&gt;&lt;img src=x onerror=alert(1)&gt;", html, StringComparison.Ordinal);
        Assert.DoesNotContain("https://", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<link", html, StringComparison.Ordinal);
        Assert.DoesNotContain("@import", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_page_carries_the_verdict_the_objectives_the_postmortem_and_the_validity_appendix()
    {
        var result = await ReportRuns.KillWithActionAsync();

        var html = HtmlReport.Render(result);

        Assert.Contains("<span id=\"verdict\" class=\"verdict verdict-pass\">PASS</span>", html, StringComparison.Ordinal);
        Assert.Contains($"<span id=\"score\" class=\"score\">{ReportText.Number(result.Score!.Value)}</span>", html, StringComparison.Ordinal);
        Assert.Contains("<li data-kind=\"recover\" class=\"met\"><strong>recover</strong>: target &lt;= 15s", html, StringComparison.Ordinal);
        foreach (var title in new[] { "Issue Summary", "Timeline", "Root Cause and Resolution", "Recovery objectives", "Corrective and Preventative Measures", "Appendix: validity of the measurements" })
        {
            Assert.Contains($"<h2>{title}</h2>", html, StringComparison.Ordinal);
        }

        Assert.Contains("<td>all-up</td>", html, StringComparison.Ordinal);
        Assert.Contains("Runbook action <code>restart-lb</code>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_traffic_the_chart_draws_the_request_rate_and_takes_latency_from_traffic()
    {
        var result = await ReportRuns.KillWithActionAsync();
        var start = result.StartedAt;
        var traffic = Enumerable.Range(0, 8).Select(i => new TrafficSecond(start.AddSeconds(i), "shoppers", 50, 50, i == 4 ? 30 : 50, i == 4 ? 20 : 0,
            new Dictionary<string, long>(), 10, 20, i == 4 ? 900 : 30, 1000)).ToList();
        var withTraffic = result with { Timeline = result.Timeline with { Traffic = traffic } };

        var chart = ReportRuns.Chart(HtmlReport.Render(withTraffic));

        var paths = chart.Descendants(SvgNs + "path").ToDictionary(p => Class(p).Split(' ')[1], p => (string)p.Attribute("d")!);
        Assert.Contains("series-rate", paths.Keys);
        Assert.Contains("series-failed", paths.Keys);
        Assert.Contains(chart.Descendants(SvgNs + "text"), t => t.Value == "latency p50 / p95 / p99 (traffic)");
        Assert.Contains(chart.Descendants(SvgNs + "text"), t => t.Value == "100/s");
        // The p99 spike of second 4 is the highest point (smallest y) of the p99 line.
        var p99 = paths["series-p99"].Split(' ').Select(point => point[1..].Split(',').Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray()).ToList();
        var peak = p99.MinBy(point => point[1])!;
        var time = Time(chart, "data-start") + ((peak[0] - Number(chart, "data-plot-left")) / (Number(chart, "data-plot-right") - Number(chart, "data-plot-left")) * (Time(chart, "data-end") - Time(chart, "data-start")));
        Assert.Equal(start.AddSeconds(4.5), time, TimeSpan.FromMilliseconds(600));
    }

    private static string Class(XElement element) => (string?)element.Attribute("class") ?? "";

    private static double Number(XElement element, string attribute) =>
        double.Parse((string)element.Attribute(attribute)!, CultureInfo.InvariantCulture);

    private static DateTimeOffset Time(XElement element, string attribute) =>
        DateTimeOffset.Parse((string)element.Attribute(attribute)!, CultureInfo.InvariantCulture);
}
