using System.Text;
using DrillRunner.Engine;
using DrillRunner.Timeline;
using static DrillRunner.Reports.Html.Svg;
using G = DrillRunner.Reports.Html.ChartGeometry;

namespace DrillRunner.Reports.Html;

/// <summary>
/// The run chart as inline SVG: probe success rate and request rate on top, latency percentiles below, fault
/// windows shaded (<c>rect.fault-window</c>) and runbook actions marked (<c>line.action-marker</c>). Stable
/// classes and data attributes let browser tests and readers of the file find them.
/// </summary>
internal static class TimelineChart
{
    public static string Render(RunResult result)
    {
        var data = ChartData.From(result);
        var g = new G(data.Start, data.End);
        var svg = new StringBuilder();
        svg.Append($"<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"timeline-chart\" class=\"timeline-chart\" viewBox=\"0 0 {N(G.Width)} {N(G.Height)}\" role=\"img\" aria-label=\"Run timeline\" data-start=\"{Iso(data.Start)}\" data-end=\"{Iso(data.End)}\" data-plot-left=\"{N(G.Left)}\" data-plot-right=\"{N(G.Right)}\">");
        Panel(svg, G.TopY, G.TopHeight, "top-panel");
        Panel(svg, G.BottomY, G.BottomHeight, "bottom-panel");
        Faults(svg, result, g);
        // 10% headroom so a flat line at the maximum does not sit on the panel border.
        var rateMax = NiceMax(1.1 * data.Buckets.Max(b => b.RequestsPerSecond ?? 0));
        var latencyMax = NiceMax(1.1 * data.Buckets.Max(b => b.P99Ms ?? b.P95Ms ?? b.P50Ms ?? 0));
        Line(svg, g, data, b => b.SuccessPercent, 100, G.TopY, G.TopHeight, "series-success");
        if (data.HasTraffic)
        {
            Line(svg, g, data, b => b.RequestsPerSecond, rateMax, G.TopY, G.TopHeight, "series-rate");
            Line(svg, g, data, b => b.FailedPerSecond, rateMax, G.TopY, G.TopHeight, "series-failed");
        }

        Line(svg, g, data, b => b.P50Ms, latencyMax, G.BottomY, G.BottomHeight, "series-p50");
        Line(svg, g, data, b => b.P95Ms, latencyMax, G.BottomY, G.BottomHeight, "series-p95");
        Line(svg, g, data, b => b.P99Ms, latencyMax, G.BottomY, G.BottomHeight, "series-p99");
        Actions(svg, result, g);
        Axes(svg, result, g, data, rateMax, latencyMax);
        ChartHover.Columns(svg, g, data);
        svg.Append("</svg>");
        return svg.ToString();
    }

    private static void Panel(StringBuilder svg, double y, double height, string name) =>
        svg.Append($"<rect class=\"plot-area {name}\" x=\"{N(G.Left)}\" y=\"{N(y)}\" width=\"{N(G.PlotWidth)}\" height=\"{N(height)}\"/>");

    private static void Faults(StringBuilder svg, RunResult result, G g)
    {
        var faultSteps = result.Steps.Where(s => s.IsFault).Select(s => s.Label).ToHashSet(StringComparer.Ordinal);
        foreach (var change in result.Changes.Where(c => c.InjectedAt is not null && faultSteps.Contains(c.Step)))
        {
            var from = change.InjectedAt!.Value;
            var to = change.RevertedAt ?? result.EndedAt;
            var x = g.X(from);
            svg.Append($"<rect class=\"fault-window\" data-step=\"{E(change.Step)}\" data-kind=\"{E(change.Record.Kind)}\" data-start=\"{Iso(from)}\" data-end=\"{Iso(to)}\" x=\"{N(x)}\" y=\"{N(G.TopY)}\" width=\"{N(Math.Max(1, g.X(to) - x))}\" height=\"{N(G.BottomY + G.BottomHeight - G.TopY)}\">");
            svg.Append($"<title>fault {E(change.Step)} ({E(change.Record.Kind)} {E(change.Record.Target)}): {ReportText.Clock(from)} to {ReportText.Clock(to)}{(change.RevertedAt is null ? " (not reverted)" : "")}</title></rect>");
        }
    }

    private static void Actions(StringBuilder svg, RunResult result, G g)
    {
        foreach (var action in result.Timeline.Events.Where(e => e.Kind == EventKinds.Action))
        {
            var x = N(g.X(action.At));
            svg.Append($"<line class=\"action-marker\" data-step=\"{E(action.Step)}\" data-at=\"{Iso(action.At)}\" x1=\"{x}\" x2=\"{x}\" y1=\"{N(G.TopY)}\" y2=\"{N(G.BottomY + G.BottomHeight)}\">");
            svg.Append($"<title>{ReportText.Clock(action.At)} {E(action.Message)}</title></line>");
        }
    }

    private static void Line(StringBuilder svg, G g, ChartData data, Func<ChartBucket, double?> value, double max, double panelY, double panelHeight, string name)
    {
        var path = new StringBuilder();
        var pen = 'M';
        foreach (var bucket in data.Buckets)
        {
            if (value(bucket) is not { } v)
            {
                pen = 'M';
                continue;
            }

            var x = g.X(bucket.Start + (data.BucketSize / 2));
            path.Append($"{pen}{N(x)},{N(G.Y(v, max, panelY, panelHeight))} ");
            pen = 'L';
        }

        if (path.Length > 0)
        {
            svg.Append($"<path class=\"series {name}\" d=\"{path.ToString().TrimEnd()}\"/>");
        }
    }

    private static void Axes(StringBuilder svg, RunResult result, G g, ChartData data, double rateMax, double latencyMax)
    {
        const int ticks = 6;
        for (var i = 0; i <= ticks; i++)
        {
            var at = data.Start + ((data.End - data.Start) * i / ticks);
            var x = N(g.X(at));
            svg.Append($"<text class=\"axis-label x-tick\" x=\"{x}\" y=\"{N(G.BottomY + G.BottomHeight + 18)}\" text-anchor=\"middle\">{E(ReportText.Offset(result, at))}</text>");
        }

        AxisText(svg, G.Left - 6, G.TopY + 4, "end", "100%");
        AxisText(svg, G.Left - 6, G.TopY + G.TopHeight, "end", "0%");
        AxisText(svg, G.Left - 6, G.BottomY + 4, "end", $"{N(latencyMax)}ms");
        AxisText(svg, G.Left - 6, G.BottomY + G.BottomHeight, "end", "0ms");
        if (data.HasTraffic)
        {
            AxisText(svg, G.Right + 6, G.TopY + 4, "start", $"{N(rateMax)}/s");
            AxisText(svg, G.Right + 6, G.TopY + G.TopHeight, "start", "0/s");
        }

        AxisText(svg, G.Left + 4, G.BottomY - 6, "start", $"latency p50 / p95 / p99 ({data.LatencySource})");
    }

    private static void AxisText(StringBuilder svg, double x, double y, string anchor, string text) =>
        svg.Append($"<text class=\"axis-label\" x=\"{N(x)}\" y=\"{N(y)}\" text-anchor=\"{anchor}\">{E(text)}</text>");
}
