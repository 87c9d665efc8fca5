using DrillRunner.Engine;
using DrillRunner.Journal;

namespace DrillRunner.Reports;

/// <summary>A corrective action suggested by a run: a missed objective's remedy, or restoring by hand.</summary>
public sealed record CorrectiveAction(string Kind, string Title, string Text);

/// <summary>The corrective actions a run calls for; shared by the postmortem and the leadership report.</summary>
public static class CorrectiveActions
{
    public const string RestoreKind = "restore";

    public static IReadOnlyList<CorrectiveAction> Of(RunResult result)
    {
        var actions = (result.Score?.Objectives ?? [])
            .Where(o => !o.Met && o.Remedy is not null)
            .Select(o => new CorrectiveAction(o.Kind, o.Kind, $"missed ({ObjectiveText.Achieved(o)} against {ObjectiveText.Target(o)}): {o.Remedy}"))
            .ToList();
        if (result.Status == RunStatus.RestoreFailed)
        {
            actions.Add(new CorrectiveAction(RestoreKind, "Restore failed",
                "— restore the environment by hand now (see the changes the drill made), then fix the undo that failed before the next drill."));
        }

        return actions;
    }
}
