using DrillRunner.Engine;
using DrillRunner.Reports.Document;
using DrillRunner.Scoring;
using DrillRunner.Units;

namespace DrillRunner.Reports;

/// <summary>The appendix on measurement validity: planned vs achieved traffic and probe gaps.</summary>
public static class ValiditySection
{
    public static ReportSection Build(RunResult result)
    {
        var section = new SectionBuilder("Appendix: validity of the measurements");
        var problems = result.Score?.ValidityProblems ?? [];
        section.Paragraph(problems.Count == 0
            ? new Inline().Text("No validity problem: the run's traffic met its plan and the probes had no gaps.")
            : new Inline().Strong("The measurements cannot be trusted").Text(", so the run is not scored (INCONCLUSIVE):"));
        foreach (var problem in problems)
        {
            section.Bullet(new Inline().Text(problem));
        }

        var traffic = result.Timeline.TrafficSummaries.Select(t => (IReadOnlyList<IReadOnlyList<Span>>)
        [
            Inline.Of(t.Source),
            Inline.Of(t.Planned.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            Inline.Of(t.Sent.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            Share(t.Sent, t.Planned),
        ]).ToList();
        section.Table(["traffic source", "planned requests", "sent", "achieved"],
            traffic.Count > 0 ? traffic : [[Inline.Of("no traffic in this drill"), Inline.Of("-"), Inline.Of("-"), Inline.Of("-")]]);
        var probes = result.Timeline.Samples.GroupBy(s => s.Probe, StringComparer.Ordinal).Select(g =>
        {
            var times = g.Select(s => s.At).Order().ToList();
            var gap = times.Zip(times.Skip(1), (a, b) => b - a).DefaultIfEmpty(TimeSpan.Zero).Max();
            return (IReadOnlyList<IReadOnlyList<Span>>)
            [
                Inline.Of(g.Key),
                Inline.Of(times.Count.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                Inline.Of(ReportText.Share(g.LongCount(s => !s.Ok), times.Count)),
                Inline.Of(DurationParser.Format(gap)),
            ];
        }).ToList();
        section.Table(["probe", "samples", "failed", "largest gap"], probes);
        return section.Build();
    }

    private static IReadOnlyList<Span> Share(long sent, long planned)
    {
        var text = ReportText.Share(sent, planned);
        return planned > 0 && (double)sent / planned < Scorer.MinimumTrafficShare ? new Inline().Strong(text + " (short of plan)").Build() : Inline.Of(text);
    }
}
