using DrillRunner.Engine;
using DrillRunner.Reports.Document;
using DrillRunner.Timeline;
using DrillRunner.Units;

namespace DrillRunner.Reports;

/// <summary>
/// The "Runbook" section: each runbook step of the drill (actions, human acknowledgements included) with when it
/// started and ended, how long it took, how it ended and its output; steps never reached say so. Null for a drill
/// without runbook steps.
/// </summary>
public static class RunbookSection
{
    private const int DetailLength = 300;

    public static ReportSection? Build(RunResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var planned = result.Steps.Where(s => s.IsRunbook).ToList();
        if (planned.Count == 0)
        {
            return null;
        }

        var records = result.Timeline.Steps.Where(r => r.Runbook).ToDictionary(r => r.Step, StringComparer.Ordinal);
        var disaster = result.Timeline.Steps.Where(r => !r.Runbook && result.Steps.Any(s => s.IsFault && s.Label == r.Step)).Select(r => (DateTimeOffset?)r.StartedAt).Min();
        var section = new SectionBuilder("Runbook")
            .Paragraph(Summary(planned, records))
            .Paragraph("Each step as it ran: offsets from the start of injection" + (disaster is null ? "." : "; \"since the fault\" counts from the first fault's injection."));
        var rows = planned.Select(step => Row(step, records.GetValueOrDefault(step.Label), disaster, result)).ToList();
        section.Table(disaster is null ? ["step", "kind", "started", "ended", "took", "outcome", "detail"] : ["step", "kind", "started", "ended", "took", "since the fault", "outcome", "detail"], rows);
        if (records.Values.FirstOrDefault(r => r.Outcome == StepOutcome.Failed) is { } failed)
        {
            section.Paragraph(new Inline().Strong($"The runbook stopped at '{failed.Step}'").Text($": {failed.Detail.ReplaceLineEndings(" | ").Trim()}. The steps after it did not run; the restore phase undid the drill's faults (see \"What the drill changed and restored\")."));
        }

        return section.Build();
    }

    /// <summary>"restore 41s, start 3s, rebuild-replica 12s": the durations of the steps that ran, in order.</summary>
    public static string Durations(RunResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return string.Join(", ", result.Timeline.Steps.Where(r => r.Runbook).OrderBy(r => r.StartedAt)
            .Select(r => $"{r.Step} {DurationParser.Format(r.Duration)}{(r.Outcome == StepOutcome.Done ? "" : " " + Word(r.Outcome))}"));
    }

    private static Inline Summary(List<StepSummary> planned, Dictionary<string, StepRecord> records)
    {
        var ran = planned.Select(p => records.GetValueOrDefault(p.Label)).OfType<StepRecord>().ToList();
        if (ran.Count == 0)
        {
            return new Inline().Text("No runbook step ran.");
        }

        var total = ran.Max(r => r.EndedAt) - ran.Min(r => r.StartedAt);
        var done = ran.Count(r => r.Outcome == StepOutcome.Done);
        return new Inline().Strong($"{done} of {planned.Count} steps done")
            .Text($" in {DurationParser.Format(total)} (first start to last end): ")
            .Text(string.Join(", ", ran.Select(r => $"{r.Step} {DurationParser.Format(r.Duration)}{(r.Outcome == StepOutcome.Done ? "" : " " + Word(r.Outcome))}")) + ".");
    }

    private static IReadOnlyList<IReadOnlyList<Span>> Row(StepSummary step, StepRecord? record, DateTimeOffset? disaster, RunResult result)
    {
        if (record is null)
        {
            return [Inline.Of(step.Label), Inline.Of(step.Kind), Inline.Of("-"), Inline.Of("-"), Inline.Of("-"), .. disaster is null ? Array.Empty<IReadOnlyList<Span>>() : [Inline.Of("-")], Inline.Of("not run"), Inline.Of(step.Description)];
        }

        var outcome = record.Outcome == StepOutcome.Failed ? new Inline().Strong("FAILED").Build() : Inline.Of(Word(record.Outcome));
        return
        [
            new Inline().Code(step.Label).Build(),
            Inline.Of(step.Kind),
            Inline.Of(ReportText.Offset(result, record.StartedAt)),
            Inline.Of(ReportText.Offset(result, record.EndedAt)),
            Inline.Of(DurationParser.Format(record.Duration)),
            .. disaster is { } at ? [Inline.Of(record.EndedAt >= at ? DurationParser.Format(record.EndedAt - at) : "-")] : Array.Empty<IReadOnlyList<Span>>(),
            outcome,
            Inline.Of(Shorten(record.Detail)),
        ];
    }

    private static string Word(StepOutcome outcome) => outcome switch
    {
        StepOutcome.Done => "done",
        StepOutcome.Failed => "failed",
        _ => "interrupted",
    };

    private static string Shorten(string text)
    {
        var line = text.ReplaceLineEndings(" | ").Trim();
        return line.Length <= DetailLength ? line : line[..DetailLength] + "...";
    }
}
