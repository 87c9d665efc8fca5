using System.Globalization;
using System.Text;
using DrillRunner.Engine;
using DrillRunner.Journal;
using DrillRunner.Units;

namespace DrillRunner.Reports;

/// <summary>The sections of <see cref="MarkdownReport"/>.</summary>
internal static class MarkdownSections
{
    public static void Summary(StringBuilder md, RunResult result, ReportFacts facts)
    {
        md.AppendLine("## Issue Summary").AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture, $"**Duration:** {Impact(facts)}; the drill ran from {MarkdownReport.Clock(result.StartedAt)} to {MarkdownReport.Clock(result.EndedAt)} UTC ({DurationParser.Format(result.EndedAt - result.StartedAt)}).");
        md.AppendLine();
        var impact = facts.TotalRequests > 0
            ? $"{facts.FailedRequests} of {facts.TotalRequests} requests failed ({Share(facts.FailedRequests, facts.TotalRequests)}); {facts.UsersAffected} of {facts.UsersTotal} synthetic users affected ({Share(facts.UsersAffected, facts.UsersTotal)})."
            : $"{facts.FailedSamples} of {facts.TotalSamples} probe samples failed ({Share(facts.FailedSamples, facts.TotalSamples)}).";
        md.AppendLine(CultureInfo.InvariantCulture, $"**Impact:** {impact}");
        md.AppendLine();
        var faults = result.Steps.Where(s => s.IsFault).Select(s => s.Description).ToList();
        md.AppendLine(CultureInfo.InvariantCulture, $"**Root Cause:** {(faults.Count == 0 ? "no fault was injected" : "injected by the drill: " + string.Join("; ", faults))}.");
        if (result.Description is { } description)
        {
            md.AppendLine().AppendLine(CultureInfo.InvariantCulture, $"**Scenario:** {description.Trim()}");
        }

        if (result.Reason is { } reason)
        {
            md.AppendLine().AppendLine(CultureInfo.InvariantCulture, $"**Run outcome:** {MarkdownReport.StatusWord(result.Status)} — {reason}");
        }

        md.AppendLine();
    }

    public static void Timeline(StringBuilder md, RunResult result)
    {
        md.AppendLine("## Timeline").AppendLine();
        md.AppendLine("Times are UTC; offsets are from the start of injection.").AppendLine();
        foreach (var e in ReportFacts.KeyEvents(result))
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"* {MarkdownReport.Clock(e.At)} ({MarkdownReport.Offset(result, e.At)}) **{e.Kind}**: {e.Message}");
        }

        md.AppendLine();
    }

    public static void RootCause(StringBuilder md, RunResult result, ReportFacts facts)
    {
        md.AppendLine("## Root Cause and Resolution").AppendLine();
        foreach (var step in result.Steps)
        {
            var length = step.Duration is { } d ? $" for {DurationParser.Format(d)}" : " until the restore";
            md.AppendLine(CultureInfo.InvariantCulture, $"* {(step.IsFault ? "Fault" : "Runbook action")} `{step.Label}` at +{DurationParser.Format(step.At)}{(step.IsFault ? length : "")}: {step.Description}.");
        }

        md.AppendLine();
        md.AppendLine(facts.ImpactEnd is { } end
            ? $"Service was back at {MarkdownReport.Clock(end)} ({MarkdownReport.Offset(result, end)}), {DurationParser.Format(facts.ImpactDuration!.Value)} after the first failing sample."
            : facts.ImpactStart is null ? "No probe failed: users saw no outage." : "Service did not return to steady state within the recovery deadline.");
        md.AppendLine();
    }

    public static void Objectives(StringBuilder md, RunResult result)
    {
        md.AppendLine("## Recovery objectives").AppendLine();
        if (result.Score is not { } score)
        {
            md.AppendLine("Not scored.").AppendLine();
            return;
        }

        md.AppendLine("| objective | target | achieved | met | score | weight |");
        md.AppendLine("|---|---|---|---|---|---|");
        foreach (var o in score.Objectives)
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"| {o.Kind}{(o.IsGate ? " (gate)" : "")} | {o.Target} | {o.Achieved} | {(o.Met ? "yes" : "**no**")} | {o.Score:0.##} | {o.Weight:0.#} |");
        }

        md.AppendLine();
        foreach (var problem in score.ValidityProblems)
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"* Validity: {problem}");
        }

        md.AppendLine();
    }

    public static void Corrective(StringBuilder md, RunResult result)
    {
        md.AppendLine("## Corrective and Preventative Measures").AppendLine();
        var remedies = result.Score?.Objectives.Where(o => !o.Met && o.Remedy is not null).ToList() ?? [];
        foreach (var o in remedies)
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"* **{o.Kind}** missed ({o.Achieved} against {o.Target}): {o.Remedy}");
        }

        if (result.Status == RunStatus.RestoreFailed)
        {
            md.AppendLine("* **Restore failed**: restore the environment by hand now (see below), then fix the undo that failed before the next drill.");
        }

        if (remedies.Count == 0 && result.Status != RunStatus.RestoreFailed)
        {
            md.AppendLine("* Every objective was met. Keep the drill scheduled so a regression shows up here before it shows up in production.");
        }

        md.AppendLine();
    }

    public static void Changes(StringBuilder md, RunResult result)
    {
        md.AppendLine("## What the drill changed and restored").AppendLine();
        md.AppendLine("| step | kind | target | status | injected | reverted | detail |");
        md.AppendLine("|---|---|---|---|---|---|---|");
        foreach (var c in result.Changes)
        {
            md.AppendLine(CultureInfo.InvariantCulture,
                $"| {c.Step} | {c.Record.Kind} | {c.Record.Target} | {c.Status.ToString().ToLowerInvariant()} | {Time(c.InjectedAt)} | {Time(c.RevertedAt)} | {c.Detail} |");
        }

        md.AppendLine();
    }

    private static string Time(DateTimeOffset? at) => at is { } value ? MarkdownReport.Clock(value) : "-";

    private static string Impact(ReportFacts facts) => facts.ImpactDuration is { } duration
        ? $"{DurationParser.Format(duration)} of user-visible impact (first failing sample to steady state back)"
        : facts.ImpactStart is null ? "no user-visible impact" : "impact did not end within the recovery deadline";

    private static string Share(long part, long total) => total == 0 ? "n/a" : new Percentage((double)part / total).ToString();
}
