using DrillRunner.Loading;

namespace DrillRunner.Traffic.Drill;

/// <summary>Load plans for a standalone load test (<c>drill load</c>), from a URL or from a drill's traffic step.</summary>
public static class LoadPlans
{
    /// <summary>Without <c>--allow</c>, a bare URL may only be this machine.</summary>
    public static readonly IReadOnlyList<string> Loopback = ["127.0.0.1", "localhost", "::1"];

    /// <summary>A plan for GET on the URL, allowed to loopback plus <paramref name="allow"/>.</summary>
    public static LoadPlan ForUrl(Uri target, IEnumerable<string> allow) => new()
    {
        Target = target,
        AllowedHosts = [.. Loopback, .. allow],
        Duration = TimeSpan.FromSeconds(30),
    };

    /// <summary>
    /// The drill's first <c>traffic</c> step as a plan (its url, mix, users, timeout, connections), allowed to the
    /// drill environment's allowlist; also returns the step's constant rate, if it has one.
    /// </summary>
    public static (LoadPlan Plan, double? Rate) ForDrill(LoadedDrill drill)
    {
        ArgumentNullException.ThrowIfNull(drill);
        var options = drill.Steps.Select(s => s.Options).OfType<TrafficOptions>().FirstOrDefault()
            ?? throw new DrillInputException($"{drill.DrillFile}: the drill has no 'traffic' step to take the url and mix from");
        if (!Uri.TryCreate(options.Url, UriKind.Absolute, out var target) || !Allowlist.Allows(drill.Environment, target))
        {
            throw new DrillInputException(new FileProblem(options.Location, "url",
                $"'{options.Url}' is not an absolute URL allowed by environment '{drill.Environment.Name}' ({string.Join(", ", drill.Environment.Allowlist)})"));
        }

        var plan = new LoadPlan
        {
            Target = target,
            AllowedHosts = drill.Environment.Allowlist,
            Mix = TrafficPlans.Mix(options.Mix),
            Users = options.Users,
            Timeout = options.Timeout,
            Connections = options.Connections,
            Insecure = options.Insecure,
            MaxRequests = options.MaxRequests,
        };
        return (plan, options.Rate?.PerSecond);
    }

    /// <summary>A copy of <paramref name="plan"/> with another profile and bounds.</summary>
    public static LoadPlan With(LoadPlan plan, ArrivalProfile profile, TimeSpan duration, int? users = null, int? connections = null, long? maxRequests = null)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(profile);
        return new LoadPlan
        {
            Target = plan.Target,
            AllowedHosts = plan.AllowedHosts,
            Mix = plan.Mix,
            Profile = profile,
            Users = users ?? plan.Users,
            Timeout = plan.Timeout,
            Connections = connections ?? plan.Connections,
            MaxInFlight = plan.MaxInFlight,
            Insecure = plan.Insecure,
            MaxRequests = maxRequests ?? plan.MaxRequests,
            Duration = duration,
            Seed = plan.Seed,
        };
    }
}
