using DrillRunner.Drivers;
using DrillRunner.Engine;
using DrillRunner.Loading;
using DrillRunner.Model;

namespace DrillRunner.Steps.Instances;

/// <summary>Chooses which running instances of a service a step hits, enforcing the blast-radius guardrail.</summary>
internal static class TargetPicker
{
    public static int CountFor(TargetedStepOptions options, int instances)
    {
        if (options.Percent is { } percent)
        {
            return Math.Max(1, (int)Math.Ceiling(instances * percent.Fraction));
        }

        return Math.Min(options.Count ?? 1, Math.Max(instances, 1));
    }

    /// <summary>Throws when the step would hit every instance without <c>allowTotalOutage</c>.</summary>
    public static void CheckBlastRadius(TargetedStepOptions options, int instances)
    {
        if (instances > 0 && CountFor(options, instances) >= instances && !options.AllowTotalOutage)
        {
            throw new DrillInputException(new FileProblem(
                options.Location,
                "allowTotalOutage",
                $"this {options.Kind} step would hit all {instances} instance(s) of '{options.Service}'; set allowTotalOutage: true if a total outage is intended"));
        }
    }

    public static async Task<IReadOnlyList<InstanceInfo>> PickAsync(StepContext context, TargetedStepOptions options, CancellationToken cancellationToken)
    {
        var all = await context.Driver.ListInstancesAsync(options.Service, cancellationToken);
        CheckBlastRadius(options, all.Count);
        var candidates = all.Where(i => i.State == InstanceState.Running).ToList();
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
        return candidates.OrderBy(_ => context.Random.Next()).Take(count).OrderBy(i => i.Id, StringComparer.Ordinal).ToList();
    }
}
