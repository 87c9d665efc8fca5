using System.Text;
using static DrillRunner.Reports.Html.Svg;
using G = DrillRunner.Reports.Html.ChartGeometry;

namespace DrillRunner.Reports.Html;

/// <summary>Transparent columns with a tooltip per bucket, so hovering the chart reads its values without script.</summary>
internal static class ChartHover
{
    public static void Columns(StringBuilder svg, G g, ChartData data)
    {
        svg.Append("<g class=\"hover-columns\">");
        foreach (var b in data.Buckets)
        {
            var x = g.X(b.Start);
            var width = g.X(b.Start + data.BucketSize) - x;
            var parts = new List<string> { ReportText.Clock(b.Start) };
            if (b.SuccessPercent is { } s)
            {
                parts.Add($"probes ok {N(s)}%");
            }

            if (b.RequestsPerSecond is { } r)
            {
                parts.Add($"{N(r)} req/s, {N(b.FailedPerSecond ?? 0)} failed/s");
            }

            if (b.P50Ms is { } p50)
            {
                parts.Add($"p50 {N(p50)}ms, p95 {N(b.P95Ms ?? 0)}ms, p99 {N(b.P99Ms ?? 0)}ms");
            }

            svg.Append($"<rect class=\"hover-column\" x=\"{N(x)}\" y=\"{N(G.TopY)}\" width=\"{N(width)}\" height=\"{N(G.BottomY + G.BottomHeight - G.TopY)}\"><title>{E(string.Join(" · ", parts))}</title></rect>");
        }

        svg.Append("</g>");
    }
}
