using DrillRunner.Loading;

namespace DrillRunner.Engine;

/// <summary>Checks made right before a run, after loading: nothing is touched when one fails.</summary>
internal static class Guardrails
{
    public static void Check(LoadedDrill drill)
    {
        var problems = new ProblemList();
        if (drill.Environment.Protected)
        {
            problems.Add(new SourceLocation(drill.Environment.SourceFile, 1, 1), "protected",
                $"environment '{drill.Environment.Name}' is protected; DrillRunner never drills it");
        }

        foreach (var (probe, options) in drill.Probes.Zip(drill.Spec.Probes))
        {
            foreach (var target in probe.Targets.Where(t => !Allowlist.Allows(drill.Environment, t)))
            {
                problems.Add(options.Location, $"probes.{probe.Name}", $"target host '{target.Host}' is not allowlisted");
            }
        }

        problems.ThrowIfAny();
    }
}
