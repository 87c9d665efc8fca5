using System.Globalization;
using DrillRunner.Reports.Document;
using DrillRunner.Scoring;
using DrillRunner.Units;

namespace DrillRunner.Reports.Leadership;

/// <summary>The leadership report's "DR evidence" section and its executive summary line.</summary>
internal static class DisasterRecoveryLines
{
    public static string? Executive(IReadOnlyList<DisasterRecoveryEvidence> evidence)
    {
        if (evidence.Count == 0)
        {
            return null;
        }

        var fresh = evidence.Where(e => e.Proven && !e.Stale).ToList();
        var line = $"DR plans proven by a restore drill within their schedule: {fresh.Count} of {evidence.Count} environments"
            + (fresh.Count == 0 ? "" : " (" + string.Join("; ", fresh.Select(e => $"{e.Environment} {Days(e.DaysAgo)} ago, {Measured(e.Figures!)}")) + ")");
        var stale = evidence.Where(e => e.Proven && e.Stale).Select(e => $"{e.Environment} ({Days(e.DaysAgo)} ago)").ToList();
        var never = evidence.Where(e => !e.Proven).Select(e => e.Environment).ToList();
        return line + (stale.Count > 0 ? $"; stale: {string.Join(", ", stale)}" : "") + (never.Count > 0 ? $"; no successful restore in the period: {string.Join(", ", never)}" : "") + ".";
    }

    public static ReportSection Section(LeadershipSummary s)
    {
        var section = new SectionBuilder("DR evidence")
            .Paragraph("Per environment, the last restore drill (the database lost and restored from backup) that passed, what it measured against its targets, and how long ago: stale after the drill's schedule period, or "
                + $"{s.StaleAfter.TotalDays.ToString("0", CultureInfo.InvariantCulture)} days for an unscheduled drill.");
        if (s.DisasterRecovery.Count == 0)
        {
            return section.Paragraph("No restore drill ran in the period: no environment's DR plan has been proven.").Build();
        }

        var rows = s.DisasterRecovery.Select(e => (IReadOnlyList<IReadOnlyList<Span>>)(e.Proven
            ?
            [
                Inline.Of(e.Environment),
                new Inline().Text(e.Drill!).Text(" (run ").Code(e.RunId!).Text(")").Build(),
                Inline.Of(e.At!.Value.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)),
                Inline.Of(e.DaysAgo.ToString(CultureInfo.InvariantCulture)),
                Inline.Of(Against(e.Figures!.Rto, e.Figures.RtoTarget, e.Figures.DeclaredRto, e.Figures.RtoUnmeasured)),
                Inline.Of(Against(e.Figures.Rpo, e.Figures.RpoTarget, e.Figures.DeclaredRpo, e.Figures.RpoUnmeasured)
                    + (e.Figures.LostWrites is { } lost ? $", {lost.Value.ToString("0", CultureInfo.InvariantCulture)} lost writes" : "")),
                e.Stale ? new Inline().Strong($"stale (older than {Period(e.FreshFor)})").Build() : Inline.Of($"fresh (within {Period(e.FreshFor)})"),
            ]
            :
            [
                Inline.Of(e.Environment),
                new Inline().Strong("none passed").Text($" ({e.Attempts.ToString(CultureInfo.InvariantCulture)} attempts; last {Word(e.LastAttemptVerdict)} {e.LastAttemptAt?.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)})").Build(),
                Inline.Of("-"), Inline.Of("-"), Inline.Of("-"), Inline.Of("-"),
                new Inline().Strong("not proven").Build(),
            ])).ToList();
        return section.Table(["environment", "last successful restore", "ran", "days ago", "RTO (target)", "RPO (target)", "freshness"], rows).Build();
    }

    private static string Measured(DisasterRecoveryFigures f) =>
        $"RTO {(f.Rto is { } rto ? ObjectiveText.Value(rto.Value, rto.Unit) : "not measured")}, RPO {(f.Rpo is { } rpo ? ObjectiveText.Value(rpo.Value, rpo.Unit) : "not measured")}";

    private static string Against(Measurement? measured, Bound? target, TimeSpan? declared, string? unmeasured)
    {
        var value = measured is null ? $"not measured ({unmeasured})" : ObjectiveText.Value(measured.Value, measured.Unit);
        var targets = new List<string>();
        if (target is not null)
        {
            targets.Add($"drill <= {ObjectiveText.Value(target.Value, target.Unit)}{(target.IsMetBy(measured is null ? [] : [measured]) ? "" : " MISSED")}");
        }

        if (declared is { } d)
        {
            targets.Add($"declared <= {DurationParser.Format(d)}{(measured is not null && measured.AsDuration() <= d ? "" : " MISSED")}");
        }

        return targets.Count == 0 ? value : $"{value} ({string.Join("; ", targets)})";
    }

    private static string Days(int days) => days == 1 ? "1 day" : $"{days.ToString(CultureInfo.InvariantCulture)} days";

    private static string Word(Verdict? verdict) => verdict?.ToString().ToUpperInvariant() ?? "not scored";

    // Whole days read as days ("30 days"), shorter periods as durations.
    private static string Period(TimeSpan period) =>
        period >= TimeSpan.FromDays(1) && period.Ticks % TimeSpan.TicksPerDay == 0
            ? Days((int)period.TotalDays)
            : DurationParser.Format(period);
}
