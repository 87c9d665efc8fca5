using DrillRunner.Catalog;
using DrillRunner.Model;
using DrillRunner.Units;

namespace DrillRunner.Loading;

/// <summary>Checks a bound drill against its environment and creates its parts from the catalog.</summary>
internal static class DrillChecker
{
    /// <summary>The longest a drill may last: no step starts, and no step's timeout ends, beyond it.</summary>
    public static readonly TimeSpan MaxLength = TimeSpan.FromHours(24);

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
        if (spec.Alerts is { } alerts)
        {
            CheckAlerts(alerts, alerts.Location == SourceLocation.None ? top : alerts.Location, problems);
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

        CheckProbeReferences(spec, catalog, problems);
        var drill = new LoadedDrill(
            spec,
            environment,
            file,
            spec.Steps.Select((s, i) => new PlannedStep(s, catalog.CreateStep(s), DrillLoader.Label(s, i))).OrderBy(s => s.Options.At).ToList(),
            spec.Rollbacks.Select((s, i) => new PlannedStep(s, catalog.CreateStep(s), "rollback:" + DrillLoader.Label(s, i))).ToList(),
            probes,
            spec.Objectives.Select(o => { var objective = catalog.CreateObjective(o); return new WeightedObjective(objective, o.Weight ?? objective.DefaultWeight); }).ToList(),
            spec.Abort.Select(catalog.CreateAbort).ToList());
        foreach (var problem in drill.Steps.Concat(drill.Rollbacks).SelectMany(s => s.Step.CheckAgainst(environment)))
        {
            problems.Add(problem.Location, problem.Field, problem.Message);
        }

        return drill;
    }

    // The alert source's host is a target like any other: GuardrailCheck checks it against the allowlist.
    private static void CheckAlerts(AlertSourceSpec alerts, SourceLocation at, ProblemList problems)
    {
        if (alerts.Webhook is not null && alerts.Kind != AlertSourceKind.Alertmanager)
        {
            problems.Add(at, "alerts.webhook", "only Alertmanager sends notifications: use kind: alertmanager, or drop the webhook and let DrillRunner poll Prometheus");
        }
    }

    // Objectives that read particular probes (data-loss reads the canary; recover can follow one probe) name real ones.
    private static void CheckProbeReferences(DrillSpec spec, DrillCatalog catalog, ProblemList problems)
    {
        foreach (var (owner, index) in spec.Objectives.Select((o, i) => (o, i)))
        {
            if (owner is not IProbeReferences references)
            {
                continue;
            }

            foreach (var reference in references.ProbeReferences)
            {
                var field = $"objectives[{index.ToString(System.Globalization.CultureInfo.InvariantCulture)}].{KebabCase.CamelFrom(reference.Field)}";
                if (ProbeReferenceProblem(spec, reference, owner.Kind, catalog) is { } problem)
                {
                    problems.Add(owner.Location, field, problem);
                }
            }
        }
    }

    private static string? ProbeReferenceProblem(DrillSpec spec, ProbeReference reference, string owner, DrillCatalog catalog)
    {
        var ofKind = spec.Probes.Where(p => reference.Kind is null || p.Kind == reference.Kind).ToList();
        var kind = reference.Kind is null ? "probe" : $"'{reference.Kind}' probe";
        if (reference.Name is null)
        {
            return ofKind.Count switch
            {
                0 => $"{owner} needs a {kind} in the drill, and it has none",
                1 => null,
                _ => $"the drill has {ofKind.Count} {kind}s; name the one {owner} reads ({string.Join(", ", ofKind.Select(p => p.Name))})",
            };
        }

        if (spec.Probes.FirstOrDefault(p => p.Name == reference.Name) is not { } named)
        {
            return $"the drill has no probe '{reference.Name}'{NameSuggester.Hint(reference.Name, spec.Probes.Select(p => p.Name))}";
        }

        return reference.Kind is not null && named.Kind != reference.Kind
            ? $"probe '{reference.Name}' is a '{named.Kind}' probe; {owner} needs a {kind}{(ofKind.Count > 0 ? $" ({string.Join(", ", ofKind.Select(p => p.Name))})" : "")}"
            : null;
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
            var service = (step as IServiceStepOptions)?.Service;
            if (service is not null && !environment.Services.ContainsKey(service))
            {
                problems.Add(step.Location, $"{section}.service",
                    $"environment '{environment.Name}' has no service '{service}'{NameSuggester.Hint(service, environment.Services.Keys)}");
            }
            else if (step is Steps.Scale.ScaleOptions scale && environment.Services[scale.Service].MaxInstances is { } max && scale.Replicas > max)
            {
                problems.Add(step.Location, $"{section}.replicas", $"{scale.Replicas} is above the {max} instances service '{scale.Service}' can have (maxInstances)");
            }
            else if (step is TargetedStepOptions targeted && service is not null)
            {
                CheckRole(targeted, environment.Services[service], section, problems);
            }

            if (step.Duration is { } duration && duration <= TimeSpan.Zero)
            {
                problems.Add(step.Location, $"{section}.duration", "must be longer than 0s");
            }

            if (step.At > MaxLength)
            {
                problems.Add(step.Location, $"{section}.at", $"{DurationParser.Format(step.At)} is beyond the 24h limit of a drill");
            }

            // Checked against its service only when the service exists (a missing one is reported above).
            if (step is IStepCheck check && (service is null || environment.Services.ContainsKey(service)))
            {
                foreach (var problem in check.Check(environment, new StepLimits(MaxLength)))
                {
                    problems.Add(step.Location, $"{section}.{problem.Field}", problem.Message);
                }
            }
        }
    }

    private static void CheckRole(TargetedStepOptions step, ServiceSpec service, string section, ProblemList problems)
    {
        if (step.Role is { } role && !service.Roles.ContainsKey(role))
        {
            var declared = service.Roles.Count == 0 ? "declares no roles" : $"declares {string.Join(", ", service.Roles.Keys)}";
            problems.Add(step.Location, $"{section}.role",
                $"service '{service.Name}' has no role '{role}' (it {declared}; roles are set in the environment file){NameSuggester.Hint(role, service.Roles.Keys)}");
        }
    }
}
