using DrillRunner.Catalog;
using DrillRunner.Drivers;
using DrillRunner.Drivers.Capabilities;
using DrillRunner.Loading;
using DrillRunner.Model;
using DrillRunner.Steps.Instances;
using DrillRunner.Units;

namespace DrillRunner.Guardrails;

/// <summary>
/// The one safety check of a drill against its environment, used by the loader (so <c>validate</c> reports it), by
/// <c>run --dry-run</c> and by the engine right before a run: environment not protected, every target host
/// allowlisted, blast radius within limits, every step within its driver's capabilities, the steps within the
/// maximum run length. With a driver it also checks the driver actually selected; with
/// a maximum run length (the engine's, for drills without <c>maxDuration</c>) that the steps fit in it.
/// </summary>
public static class GuardrailCheck
{
    public static GuardrailReport Run(LoadedDrill drill, DrillCatalog catalog, IEnvironmentDriver? driver = null, TimeSpan? maxDuration = null)
    {
        ArgumentNullException.ThrowIfNull(drill);
        ArgumentNullException.ThrowIfNull(catalog);
        var problems = new ProblemList();
        var held = new List<string>();
        Check(held, problems, "environment not protected", () => CheckProtected(drill.Environment, problems));
        Check(held, problems, "every target host allowlisted", () => CheckTargets(drill, problems));
        Check(held, problems, "blast radius within limits", () => CheckBlastRadius(drill, problems));
        Check(held, problems, driver is null ? "every step within the environment's driver capabilities" : $"every step within the {driver.Name} driver's capabilities",
            () => CheckCapabilities(drill, catalog, driver, problems));
        var max = drill.Spec.MaxDuration ?? maxDuration ?? DurationParser.Max;
        Check(held, problems, $"every step ends within the maximum run length ({DurationParser.Format(max)})", () => CheckLength(drill, max, problems));
        return new GuardrailReport([.. problems.Items], held);
    }

    private static void CheckLength(LoadedDrill drill, TimeSpan max, ProblemList problems)
    {
        foreach (var step in drill.Steps.Where(s => s.Options.At + (s.Options.Duration ?? TimeSpan.Zero) > max))
        {
            problems.Add(step.Options.Location, "steps.duration", $"the step ends at +{DurationParser.Format(step.Options.At + (step.Options.Duration ?? TimeSpan.Zero))}, "
                + $"beyond the maximum run length {DurationParser.Format(max)} ({(drill.Spec.MaxDuration is null ? "the runner's default; set maxDuration in the drill" : "the drill's maxDuration")})");
        }
    }

    private static void Check(List<string> held, ProblemList problems, string what, Action check)
    {
        var before = problems.Items.Count;
        check();
        if (problems.Items.Count == before)
        {
            held.Add(what);
        }
    }

    private static void CheckProtected(EnvironmentSpec environment, ProblemList problems)
    {
        if (environment.Protected)
        {
            problems.Add(new SourceLocation(environment.SourceFile, 1, 1), "protected",
                $"environment '{environment.Name}' is protected; DrillRunner never drills it");
        }
    }

    private static void CheckTargets(LoadedDrill drill, ProblemList problems)
    {
        var environment = drill.Environment;
        var allowed = string.Join(", ", environment.Allowlist);
        foreach (var (probe, options) in drill.Probes.Zip(drill.Spec.Probes))
        {
            foreach (var target in probe.Targets.Where(t => !Allowlist.Allows(environment, t)))
            {
                problems.Add(options.Location, $"probes.{options.Name}",
                    $"target host '{target.Host}' is not in environment '{environment.Name}' allowlist ({allowed})");
            }
        }

        foreach (var step in drill.Steps.Concat(drill.Rollbacks))
        {
            foreach (var target in step.Step.Targets.Where(t => !Allowlist.Allows(environment, t)))
            {
                problems.Add(step.Options.Location, "url",
                    $"target host '{target.Host}' is not in environment '{environment.Name}' allowlist ({allowed})");
            }
        }

        if (drill.Spec.Alerts is { } alerts && Uri.TryCreate(alerts.Url, UriKind.Absolute, out var alertUri) && !Allowlist.Allows(environment, alertUri))
        {
            problems.Add(new SourceLocation(drill.DrillFile, 1, 1), "alerts.url",
                $"host '{alertUri.Host}' is not in environment '{environment.Name}' allowlist ({allowed})");
        }
    }

    private static void CheckBlastRadius(LoadedDrill drill, ProblemList problems)
    {
        foreach (var (step, section) in drill.Steps.Select(s => (s, "steps")).Concat(drill.Rollbacks.Select(s => (s, "rollbacks"))))
        {
            if (step.Options is not TargetedStepOptions targeted || !step.Step.IsFault
                || !drill.Environment.Services.TryGetValue(targeted.Service, out var service))
            {
                continue;
            }

            if (targeted.Count is not null && targeted.Percent is not null)
            {
                problems.Add(targeted.Location, $"{section}.count", "give count or percent, not both");
            }

            if (TargetPicker.BlastRadiusProblem(targeted, service.Instances) is { } message)
            {
                problems.Add(targeted.Location, $"{section}.allowTotalOutage", message);
            }
        }
    }

    private static void CheckCapabilities(LoadedDrill drill, DrillCatalog catalog, IEnvironmentDriver? driver, ProblemList problems)
    {
        var environment = drill.Environment;
        foreach (var step in drill.Steps.Concat(drill.Rollbacks))
        {
            foreach (var capability in step.Step.RequiredCapabilities(environment))
            {
                if (WhyNot(capability, environment, catalog, driver) is { } why)
                {
                    problems.Add(step.Options.Location, "kind", $"'{step.Options.Kind}' {why}");
                }
            }
        }
    }

    private static string? WhyNot(Type capability, EnvironmentSpec environment, DrillCatalog catalog, IEnvironmentDriver? driver)
    {
        var able = catalog.Drivers.Where(f => f.WhyNot(capability, environment) is null).Select(f => f.Name).ToList();
        var needs = able.Count > 0
            ? $"needs the {string.Join(" or ", able)} driver ({DriverCapabilities.Describe(capability)})"
            : $"needs {DriverCapabilities.Describe(capability)}, which no driver can do on environment '{environment.Name}'{WhyNoDriver(capability, environment, catalog)}";
        if (driver is not null)
        {
            var reason = driver.Has(capability) ? catalog.FindDriver(driver.Name)?.WhyNot(capability, environment) : $"the {driver.Name} driver cannot do it";
            return reason is null ? null : $"{needs}; this run uses the {driver.Name} driver: {reason}";
        }

        if (catalog.Drivers.Count == 0)
        {
            return null; // Nothing registered to judge by (a bare catalog): the engine checks the driver it gets.
        }

        if (environment.Driver == DriverSelector.Auto)
        {
            return able.Count > 0 ? null : needs;
        }

        if (catalog.FindDriver(environment.Driver) is not { } factory)
        {
            return null; // An unknown driver name is the environment file's own error.
        }

        return factory.WhyNot(capability, environment) is { } why
            ? $"{needs}; environment '{environment.Name}' uses {environment.Driver}{(why.StartsWith("the " + factory.Name + " driver cannot", StringComparison.Ordinal) ? "" : ": " + why)}"
            : null;
    }

    // The reasons of the drivers that have the capability but not for this environment (e.g. docker on host networking).
    private static string WhyNoDriver(Type capability, EnvironmentSpec environment, DrillCatalog catalog)
    {
        var reasons = catalog.Drivers
            .Select(f => (f.Name, Why: f.WhyNot(capability, environment)))
            .Where(r => r.Why is not null && !r.Why.StartsWith("the " + r.Name + " driver cannot", StringComparison.Ordinal))
            .Select(r => $"{r.Name}: {r.Why}")
            .ToList();
        return reasons.Count == 0 ? "" : " (" + string.Join("; ", reasons) + ")";
    }
}
