using DrillRunner.Catalog;
using DrillRunner.Model;
using DrillRunner.Units;

namespace DrillRunner.Loading;

/// <summary>Checks a bound drill against its environment and creates its parts from the catalog.</summary>
internal static class DrillChecker
{
    public static LoadedDrill Check(DrillSpec spec, EnvironmentSpec environment, string file, DrillCatalog catalog, ProblemList problems)
    {
        var top = new SourceLocation(file, 1, 1);
        if (spec.Probes.Count == 0)
        {
            problems.Add(top, "probes", "a drill needs at least one probe: without samples nothing can be measured");
        }

        CheckProbeNames(spec, problems);
        CheckSteps(spec.Steps, "steps", environment, catalog, problems);
        CheckSteps(spec.Rollbacks, "rollbacks", environment, catalog, problems);

        var probes = spec.Probes.Select(catalog.CreateProbe).ToList();
        return new LoadedDrill(
            spec,
            environment,
            file,
            spec.Steps.Select((s, i) => new PlannedStep(s, catalog.CreateStep(s), DrillLoader.Label(s, i))).OrderBy(s => s.Options.At).ToList(),
            spec.Rollbacks.Select((s, i) => new PlannedStep(s, catalog.CreateStep(s), "rollback:" + DrillLoader.Label(s, i))).ToList(),
            probes,
            spec.Objectives.Select(o => { var objective = catalog.CreateObjective(o); return new WeightedObjective(objective, o.Weight ?? objective.DefaultWeight); }).ToList(),
            spec.Abort.Select(catalog.CreateAbort).ToList());
    }

    private static void CheckProbeNames(DrillSpec spec, ProblemList problems)
    {
        foreach (var duplicate in spec.Probes.GroupBy(p => p.Name, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            problems.Add(duplicate.Skip(1).First().Location, "probes.name", $"probe name '{duplicate.Key}' is used more than once");
        }
    }

    private static void CheckSteps(IReadOnlyList<StepOptions> steps, string section, EnvironmentSpec environment, DrillCatalog catalog, ProblemList problems)
    {
        foreach (var step in steps)
        {
            var service = step switch
            {
                TargetedStepOptions t => t.Service,
                Steps.Scale.ScaleOptions s => s.Service,
                _ => null,
            };
            if (service is not null && !environment.Services.ContainsKey(service))
            {
                problems.Add(step.Location, $"{section}.service",
                    $"environment '{environment.Name}' has no service '{service}'{NameSuggester.Hint(service, environment.Services.Keys)}");
            }

            if (step.At > TimeSpan.FromHours(24))
            {
                problems.Add(step.Location, $"{section}.at", $"{DurationParser.Format(step.At)} is beyond the 24h limit of a drill");
            }
        }
    }
}
