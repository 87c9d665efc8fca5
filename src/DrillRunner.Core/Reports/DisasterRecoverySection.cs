using System.Globalization;
using DrillRunner.Engine;
using DrillRunner.Objectives.DataLoss;
using DrillRunner.Reports.Document;
using DrillRunner.Scoring;
using DrillRunner.Units;

namespace DrillRunner.Reports;

/// <summary>
/// The "Disaster recovery" section of a restore drill (or of any run on an environment that declares its RTO/RPO):
/// how long until users could use the service again, how much acknowledged data was lost, whether the rows written
/// before the disaster came back intact, and whether the environment's declared objectives were met.
/// </summary>
public static class DisasterRecoverySection
{
    public static ReportSection? Build(RunResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var declared = result.DeclaredObjectives.Rto is not null || result.DeclaredObjectives.Rpo is not null;
        if (result.Score is null || !(declared || DisasterRecoveryFigures.IsRestoreDrill(result)))
        {
            return null;
        }

        var f = DisasterRecoveryFigures.From(result);
        var section = new SectionBuilder("Disaster recovery");
        section.Bullet(new Inline().Strong("RTO: ").Text(f.Rto is { } rto
            ? $"{ObjectiveText.Value(rto.Value, rto.Unit)} from the first failed sample until the service answered again{Target(f.RtoTarget, f.MeetsRtoTarget)}."
            : $"not measured ({f.RtoUnmeasured})."));
        section.Bullet(new Inline().Strong("RPO: ").Text(f.Rpo is { } rpo
            ? $"{ObjectiveText.Value(rpo.Value, rpo.Unit)}, {Count(f.LostWrites)} acknowledged writes lost{Target(f.RpoTarget, f.MeetsRpoTarget)}."
            : $"not measured ({f.RpoUnmeasured})."));
        if (Intact(result) is { } intact)
        {
            section.Bullet(new Inline().Strong("Restored rows: ").Text(intact));
        }

        if (RunbookSection.Durations(result) is { Length: > 0 } steps)
        {
            section.Bullet(new Inline().Strong("Runbook steps: ").Text(steps + "."));
        }

        if (declared)
        {
            var rows = new List<IReadOnlyList<IReadOnlyList<Span>>>();
            if (result.DeclaredObjectives.Rto is { } rtoDeclared)
            {
                rows.Add(Row("RTO", rtoDeclared, f.Rto, f.MeetsDeclaredRto == true));
            }

            if (result.DeclaredObjectives.Rpo is { } rpoDeclared)
            {
                rows.Add(Row("RPO", rpoDeclared, f.Rpo, f.MeetsDeclaredRpo == true));
            }

            section.Paragraph(new Inline().Text("Objectives declared by environment ").Code(result.Environment).Text(":"));
            section.Table(["objective", "declared", "measured", "met"], rows);
        }

        return section.Build();
    }

    // Of the writes acknowledged before the first fault, how many read back as written.
    private static string? Intact(RunResult result)
    {
        if (result.Window?.FirstFaultAt is not { } disaster || DataLossAnalysis.Probes(result.Timeline) is not [var probe, ..])
        {
            return null;
        }

        var findings = DataLossAnalysis.Analyze(result.Timeline, probe);
        var before = result.Timeline.CanaryAcks.Where(a => a.Probe == probe && a.AckAt < disaster).Select(a => a.Sequence).Distinct().Count();
        if (!findings.IsKnown)
        {
            return $"unknown: {string.Join("; ", findings.Unknown)}.";
        }

        var lost = findings.Lost.Count(l => l.AckAt < disaster);
        return $"{Count(before - lost)} of the {Count(before)} writes canary '{probe}' had acknowledged before the disaster read back intact"
            + (lost == 0 ? "." : $"; {Count(lost)} did not (listed under Data loss).");
    }

    private static IReadOnlyList<IReadOnlyList<Span>> Row(string name, TimeSpan declared, Measurement? measured, bool met) =>
    [
        Inline.Of(name),
        Inline.Of(DurationParser.Format(declared)),
        Inline.Of(measured is null ? "not measured" : ObjectiveText.Value(measured.Value, measured.Unit)),
        met ? Inline.Of("yes") : new Inline().Strong("no").Build(),
    ];

    private static string Target(Bound? target, bool? met) =>
        target is null ? "" : $" (the drill's target: at most {ObjectiveText.Value(target.Value, target.Unit)}, {(met == true ? "met" : "missed")})";

    private static string Count(Measurement? m) => m is null ? "an unknown number of" : m.Value.ToString("0", CultureInfo.InvariantCulture);

    private static string Count(int n) => n.ToString(CultureInfo.InvariantCulture);
}
