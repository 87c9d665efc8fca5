using DrillRunner.Catalog;
using DrillRunner.Model;
using DrillRunner.Steps.Instances;
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
        foreach (var (probe, options) in probes.Zip(spec.Probes))
        {
            foreach (var target in probe.Targets.Where(t => !Allowlist.Allows(environment, t)))
            {
                problems.Add(options.Location, $"probes.{options.Name}",
                    $"target host '{target.Host}' is not in environment '{environment.Name}' allowlist ({string.Join(", ", environment.Allowlist)})");
            }
        }

        if (spec.Alerts is { } alerts)
        {
            CheckAlerts(alerts, environment, alerts.Location == SourceLocation.None ? top : alerts.Location, problems);
        }

        if (spec.Incident?.Document is { } document && !File.Exists(Path.Combine(Path.GetDirectoryName(file)!, document)))
        {
            problems.Add(top, "incident.document", $"'{document}' not found (a path relative to the drill file)");
        }

        var items = spec.Steps.Select((s, i) => (Item: (ComponentOptions)s, Path: $"steps[{i}]"))
            .Concat(spec.Rollbacks.Select((s, i) => (Item: (ComponentOptions)s, Path: $"rollbacks[{i}]")))
            .Concat(spec.Objectives.Select((o, i) => (Item: (ComponentOptions)o, Path: $"objectives[{i}]")));
        foreach (var (item, path) in items)
        {
            (item as IDrillCheck)?.Check(spec, environment, path, problems);
        }

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

    private static void CheckAlerts(AlertSourceSpec alerts, EnvironmentSpec environment, SourceLocation at, ProblemList problems)
    {
        if (Uri.TryCreate(alerts.Url, UriKind.Absolute, out var alertUri) && !Allowlist.Allows(environment, alertUri))
        {
            problems.Add(at, "alerts.url", $"host '{alertUri.Host}' is not in environment '{environment.Name}' allowlist");
        }

        if (alerts.Webhook is not null && alerts.Kind != AlertSourceKind.Alertmanager)
        {
            problems.Add(at, "alerts.webhook", "only Alertmanager sends notifications: use kind: alertmanager, or drop the webhook and let DrillRunner poll Prometheus");
        }
    }

    private static void CheckProbeNames(DrillSpec spec, ProblemList problems)
    {
        foreach (var duplicate in spec.Probes.GroupBy(p => p.Name, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            problems.Add(duplicate.Skip(1).First().Location, "probes.name", $"probe name '{duplicate.Key}' is used more than once");
        }

        foreach (var probe in spec.Probes.Where(p => p.Interval < TimeSpan.FromMilliseconds(50)))
        {
            problems.Add(probe.Location, $"probes.{probe.Name}.interval", "must be at least 50ms");
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
            else if (step is TargetedStepOptions targeted && service is not null && catalog.CreateStep(step).IsFault)
            {
                CheckBlastRadius(targeted, environment.Services[service].Instances, section, problems);
            }
            else if (step is Steps.Scale.ScaleOptions scale && environment.Services[scale.Service].MaxInstances is { } max && scale.Replicas > max)
            {
                problems.Add(step.Location, $"{section}.replicas", $"{scale.Replicas} is above the {max} instances service '{scale.Service}' can have (maxInstances)");
            }

            if (step.Duration is { } duration && duration <= TimeSpan.Zero)
            {
                problems.Add(step.Location, $"{section}.duration", "must be longer than 0s");
            }

            if (step.At > TimeSpan.FromHours(24))
            {
                problems.Add(step.Location, $"{section}.at", $"{DurationParser.Format(step.At)} is beyond the 24h limit of a drill");
            }
        }
    }

    private static void CheckBlastRadius(TargetedStepOptions step, int instances, string section, ProblemList problems)
    {
        if (step.Count is not null && step.Percent is not null)
        {
            problems.Add(step.Location, $"{section}.count", "give count or percent, not both");
        }

        try
        {
            TargetPicker.CheckBlastRadius(step, instances);
        }
        catch (DrillInputException ex)
        {
            foreach (var problem in ex.Problems)
            {
                problems.Add(problem.Location, $"{section}.{problem.Field}", problem.Message);
            }
        }
    }
}
