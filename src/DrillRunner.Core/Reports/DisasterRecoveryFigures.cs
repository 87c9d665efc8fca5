using DrillRunner.Engine;
using DrillRunner.Scoring;
using DrillRunner.Steps.DestroyData;

namespace DrillRunner.Reports;

/// <summary>
/// A run's answer to the DR questions, from its typed results: the RTO measured by its <c>recover</c> objective (the
/// slowest, when it has several), the RPO and lost writes of its <c>data-loss</c> objective, each with the objective's
/// own target and the RTO/RPO the environment declared. Nothing is read from display text.
/// </summary>
public sealed record DisasterRecoveryFigures(
    Measurement? Rto,
    Bound? RtoTarget,
    string? RtoUnmeasured,
    Measurement? Rpo,
    Bound? RpoTarget,
    Measurement? LostWrites,
    string? RpoUnmeasured,
    TimeSpan? DeclaredRto,
    TimeSpan? DeclaredRpo)
{
    /// <summary>Whether the run's steps include the loss of a database (<c>destroy-data</c>): a restore drill.</summary>
    public static bool IsRestoreDrill(RunResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.Steps.Any(s => s.Kind == DestroyDataConstants.Kind);
    }

    public static DisasterRecoveryFigures From(RunResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var objectives = result.Score?.Objectives ?? [];
        var recover = objectives.Where(o => o.Kind == "recover").ToList();
        var rto = recover.Select(o => o.Find(Measures.Rto)).Where(m => m is { Unit: MeasurementUnit.Seconds }).MaxBy(m => m!.Value);
        var loss = objectives.FirstOrDefault(o => o.Kind == "data-loss");
        return new DisasterRecoveryFigures(
            rto,
            recover.SelectMany(o => o.Targets).Where(b => b.Name == Measures.Rto).MinBy(b => b.Value),
            rto is null ? recover.Select(o => o.Unmeasured).FirstOrDefault(u => u is not null) ?? (recover.Count == 0 ? "no recover objective" : "not measured") : null,
            loss?.Find(Measures.Rpo),
            loss?.Targets.FirstOrDefault(b => b.Name == Measures.Rpo),
            loss?.Find(Measures.LostWrites),
            loss is null ? "no data-loss objective" : loss.Find(Measures.Rpo) is null ? loss.Unmeasured ?? "not measured" : null,
            result.DeclaredObjectives.Rto,
            result.DeclaredObjectives.Rpo);
    }

    /// <summary>The measured RTO within the environment's declared one; null when it declares none.</summary>
    public bool? MeetsDeclaredRto => DeclaredRto is { } declared ? Rto is { } m && m.AsDuration() <= declared : null;

    /// <summary>The measured RPO within the environment's declared one; null when it declares none.</summary>
    public bool? MeetsDeclaredRpo => DeclaredRpo is { } declared ? Rpo is { } m && m.AsDuration() <= declared : null;

    /// <summary>The measured RTO within the drill's own target; null without one.</summary>
    public bool? MeetsRtoTarget => RtoTarget?.IsMetBy(Rto is null ? [] : [Rto]);

    public bool? MeetsRpoTarget => RpoTarget?.IsMetBy(Rpo is null ? [] : [Rpo]);
}
