using DrillRunner.Drivers;
using DrillRunner.Engine;
using DrillRunner.Loading;
using DrillRunner.Model;

namespace DrillRunner.Steps.Instances;

/// <summary>
/// Chooses which running instances of a service a step hits, enforcing the blast-radius guardrail. Public so that a
/// driver package's own faults target instances exactly as the core ones do.
/// </summary>
public static class TargetPicker
{
    public static int CountFor(TargetedStepOptions options, int instances)
    {
        if (options.Percent is { } percent)
        {
            return Math.Max(1, (int)Math.Ceiling(instances * percent.Fraction));
        }

        return Math.Min(options.Count ?? 1, Math.Max(instances, 1));
    }

    /// <summary>Why the step would hit every instance without <c>allowTotalOutage</c>; null when it would not.</summary>
    public static string? BlastRadiusProblem(TargetedStepOptions options, int instances) =>
        instances > 0 && CountFor(options, instances) >= instances && !options.AllowTotalOutage
            ? $"this {options.Kind} step would hit all {instances} instance(s) of '{options.Service}'; set allowTotalOutage: true if a total outage is intended"
            : null;

    /// <summary>
    /// Picks among the running instances. For a fault that takes instances out of service (<paramref name="takesDown"/>:
    /// kill, stop, pause, a restart with new settings) the total-outage guard counts the running ones: a fault that would
    /// leave none running (because another fault holds the rest down) is refused unless the step allows a total outage.
    /// A fault that only degrades (latency, errors) is refused when it would hit every instance of the service.
    /// </summary>
    public static async Task<IReadOnlyList<InstanceInfo>> PickAsync(StepContext context, TargetedStepOptions options, bool takesDown, CancellationToken cancellationToken)
    {
        var all = await context.Driver.ListInstancesAsync(options.Service, cancellationToken);
        var running = all.Where(i => i.State == InstanceState.Running).ToList();
        var candidates = running;
        if (options.Role is { } role && context.Environment.Services.TryGetValue(options.Service, out var service) && service.Roles.TryGetValue(role, out var path))
        {
            var holders = new List<InstanceInfo>();
            foreach (var candidate in candidates)
            {
                if (await InstanceRoles.HoldsAsync(context, candidate, path, cancellationToken))
                {
                    holders.Add(candidate);
                }
            }

            candidates = holders;
            if (candidates.Count == 0)
            {
                throw new DriverException($"no running instance of service '{options.Service}' holds role '{role}' ({path} answered 200 nowhere)");
            }
        }

        if (candidates.Count == 0)
        {
            throw new DriverException($"service '{options.Service}' has no running instance to target");
        }

        var count = Math.Min(CountFor(options, all.Count), candidates.Count);
        // A role narrows the choice, not the guard: killing the one primary of two running nodes is no total outage.
        if (takesDown && count >= running.Count && !options.AllowTotalOutage)
        {
            throw new DrillInputException(new FileProblem(options.Location, "allowTotalOutage",
                $"this {options.Kind} step would leave no instance of '{options.Service}' running ({running.Count} of {all.Count} running now); set allowTotalOutage: true if a total outage is intended"));
        }

        if (!takesDown && BlastRadiusProblem(options, all.Count) is { } problem)
        {
            throw new DrillInputException(new FileProblem(options.Location, "allowTotalOutage", problem));
        }

        return candidates.OrderBy(_ => context.Random.Next()).Take(count).OrderBy(i => i.Id, StringComparer.Ordinal).ToList();
    }
}
