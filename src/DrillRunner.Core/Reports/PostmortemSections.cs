using System.Globalization;
using DrillRunner.Engine;
using DrillRunner.Reports.Document;
using DrillRunner.Units;

namespace DrillRunner.Reports;

/// <summary>
/// The postmortem sections of a run report as a format-neutral model, so the Markdown and HTML reports state
/// exactly the same things: Issue Summary, Timeline, Root Cause and Resolution, objectives, corrective measures
/// and the record of what was changed and restored.
/// </summary>
public static class PostmortemSections
{
    public static IReadOnlyList<ReportSection> Build(RunResult result, ReportFacts facts) =>
    [
        Summary(result, facts),
        Timeline(result),
        RootCause(result, facts),
        Objectives(result),
        .. DisasterRecoverySection.Build(result) is { } recovery ? [recovery] : Array.Empty<ReportSection>(),
        .. RunbookSection.Build(result) is { } runbook ? [runbook] : Array.Empty<ReportSection>(),
        .. DataLossSection.Build(result) is { } dataLoss ? [dataLoss] : Array.Empty<ReportSection>(),
        Corrective(result),
        Changes(result),
    ];

    private static ReportSection Summary(RunResult result, ReportFacts facts)
    {
        var section = new SectionBuilder("Issue Summary");
        section.Paragraph(new Inline().Strong("Duration:").Text(
            $" {Impact(facts)}; the drill ran from {ReportText.Clock(result.StartedAt)} to {ReportText.Clock(result.EndedAt)} UTC ({DurationParser.Format(result.EndedAt - result.StartedAt)})."));
        var impact = facts.TotalRequests > 0
            ? $"{facts.FailedRequests} of {facts.TotalRequests} requests failed ({ReportText.Share(facts.FailedRequests, facts.TotalRequests)}); {facts.UsersAffected} of {facts.UsersTotal} synthetic users affected ({ReportText.Share(facts.UsersAffected, facts.UsersTotal)})."
            : $"{facts.FailedSamples} of {facts.TotalSamples} probe samples failed ({ReportText.Share(facts.FailedSamples, facts.TotalSamples)}).";
        section.Paragraph(new Inline().Strong("Impact:").Text(" " + impact + UsersBySource(result)));
        var faults = result.Steps.Where(s => s.IsFault).Select(s => s.Description).ToList();
        section.Paragraph(new Inline().Strong("Root Cause:").Text(
            $" {(faults.Count == 0 ? "no fault was injected" : "injected by the drill: " + string.Join("; ", faults))}."));
        if (result.Description is { } description)
        {
            section.Paragraph(new Inline().Strong("Scenario:").Text(" " + description.Trim()));
        }

        if (result.Reason is { } reason)
        {
            section.Paragraph(new Inline().Strong("Run outcome:").Text($" {ReportText.StatusWord(result.Status)} — {reason}"));
        }

        return section.Build();
    }

    private static ReportSection Timeline(RunResult result)
    {
        var section = new SectionBuilder("Timeline").Paragraph("Times are UTC; offsets are from the start of injection.");
        foreach (var e in ReportFacts.KeyEvents(result))
        {
            section.Bullet(new Inline().Text($"{ReportText.Clock(e.At)} ({ReportText.Offset(result, e.At)}) ").Strong(e.Kind).Text(": " + e.Message));
        }

        return section.Build();
    }

    private static ReportSection RootCause(RunResult result, ReportFacts facts)
    {
        var section = new SectionBuilder("Root Cause and Resolution");
        foreach (var step in result.Steps)
        {
            var length = step.Duration is { } d ? $" for {DurationParser.Format(d)}" : " until the restore";
            section.Bullet(new Inline().Text(step.IsFault ? "Fault " : "Runbook action ").Code(step.Label)
                .Text($" at +{DurationParser.Format(step.At)}{(step.IsFault ? length : "")}: {step.Description}."));
        }

        section.Paragraph(facts.ImpactEnd is { } end
            ? $"Service was back at {ReportText.Clock(end)} ({ReportText.Offset(result, end)}), {DurationParser.Format(facts.ImpactDuration!.Value)} after the first failing sample."
            : facts.ImpactStart is null ? "No probe failed: users saw no outage." : "Service did not return to steady state within the recovery deadline.");
        return section.Build();
    }

    private static ReportSection Objectives(RunResult result)
    {
        var section = new SectionBuilder("Recovery objectives");
        if (result.Score is not { } score)
        {
            return section.Paragraph("Not scored.").Build();
        }

        var rows = score.Objectives.Select(o => (IReadOnlyList<IReadOnlyList<Span>>)
        [
            Inline.Of(o.Kind + (o.IsGate ? " (gate)" : "")),
            Inline.Of(ObjectiveText.Target(o)),
            Inline.Of(ObjectiveText.Achieved(o)),
            o.Met ? Inline.Of("yes") : new Inline().Strong("no").Build(),
            Inline.Of(o.Score.ToString("0.##", CultureInfo.InvariantCulture)),
            Inline.Of(o.Weight.ToString("0.#", CultureInfo.InvariantCulture)),
        ]).ToList();
        section.Table(["objective", "target", "achieved", "met", "score", "weight"], rows);
        foreach (var failure in score.RunbookFailures)
        {
            section.Bullet(new Inline().Strong("Runbook step failed: ").Text(failure + " (the verdict is FAIL whatever the numbers)"));
        }

        foreach (var problem in score.ValidityProblems)
        {
            section.Bullet(new Inline().Text("Validity: " + problem));
        }

        return section.Build();
    }

    private static ReportSection Corrective(RunResult result)
    {
        var section = new SectionBuilder("Corrective and Preventative Measures");
        var remedies = CorrectiveActions.Of(result);
        foreach (var action in remedies)
        {
            section.Bullet(new Inline().Strong(action.Title).Text(" " + action.Text));
        }

        if (remedies.Count == 0)
        {
            section.Bullet(new Inline().Text("Every objective was met. Keep the drill scheduled so a regression shows up here before it shows up in production."));
        }

        return section.Build();
    }

    private static ReportSection Changes(RunResult result)
    {
        var rows = result.Changes.Select(c => (IReadOnlyList<IReadOnlyList<Span>>)
        [
            Inline.Of(c.Step),
            Inline.Of(c.Record.Kind),
            Inline.Of(c.Record.Target),
            Inline.Of(c.Status.ToString().ToLowerInvariant()),
            Inline.Of(Time(c.InjectedAt)),
            Inline.Of(Time(c.RevertedAt)),
            Inline.Of(c.Detail ?? ""),
        ]).ToList();
        return new SectionBuilder("What the drill changed and restored")
            .Table(["step", "kind", "target", "status", "injected", "reverted", "detail"], rows)
            .Build();
    }

    /// <summary>How many users each traffic source had, so a reader sees which sources shared their users.</summary>
    private static string UsersBySource(RunResult result)
    {
        var summaries = result.Timeline.TrafficSummaries;
        if (summaries.Count < 2)
        {
            return "";
        }

        var users = DrillRunner.Timeline.TrafficUsers.Of(summaries);
        var bySource = string.Join("; ", summaries.Select(s => $"{s.Source}: {s.UsersAffected} of {s.UsersTotal} users affected"));
        return users.Distinct
            ? $" By source: {bySource} (a user who sent through several sources is counted once in the total)."
            : $" By source: {bySource}.";
    }

    private static string Time(DateTimeOffset? at) => at is { } value ? ReportText.Clock(value) : "-";

    private static string Impact(ReportFacts facts) => facts.ImpactDuration is { } duration
        ? $"{DurationParser.Format(duration)} of user-visible impact (first failing sample to steady state back)"
        : facts.ImpactStart is null ? "no user-visible impact" : "impact did not end within the recovery deadline";
}
