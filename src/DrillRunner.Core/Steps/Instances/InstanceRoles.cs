using DrillRunner.Drivers;
using DrillRunner.Engine;
using DrillRunner.Model;

namespace DrillRunner.Steps.Instances;

/// <summary>
/// Which instances hold a service's roles (<c>roles: { primary: /primary }</c>): asked of each instance, on its own
/// port, at the moment it matters, never remembered. A role is held when its path answers 200.
/// </summary>
internal static class InstanceRoles
{
    public static readonly TimeSpan RestoreTimeout = TimeSpan.FromSeconds(90);
    private static readonly TimeSpan AskTimeout = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(500);

    // A node starting up answers as a replica before it is promoted: the answer must hold for a few looks in a row.
    private const int StableLooks = 3;

    public static async Task<bool> HoldsAsync(StepContext context, InstanceInfo instance, string path, CancellationToken cancellationToken)
    {
        if (instance.Endpoint is null || instance.State != InstanceState.Running)
        {
            return false;
        }

        using var timeout = new CancellationTokenSource(AskTimeout, context.Time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, cancellationToken);
        try
        {
            using var response = await context.Http.GetAsync(new Uri(instance.Endpoint, path), linked.Token);
            return response.StatusCode == System.Net.HttpStatusCode.OK;
        }
        catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    /// <summary>The roles <paramref name="instance"/> holds now.</summary>
    public static async Task<IReadOnlyList<string>> OfAsync(StepContext context, ServiceSpec service, InstanceInfo instance, CancellationToken cancellationToken)
    {
        var held = new List<string>();
        foreach (var (role, path) in service.Roles)
        {
            if (await HoldsAsync(context, instance, path, cancellationToken))
            {
                held.Add(role);
            }
        }

        return held;
    }

    /// <summary>
    /// Waits until <paramref name="instanceId"/> holds one of its service's roles again and every role is held by
    /// some instance (Patroni: a leader and a replica, the old primary rejoined). No-op for a service without roles.
    /// </summary>
    public static async Task<string> WaitRestoredAsync(StepContext context, string service, string instanceId, CancellationToken cancellationToken, TimeSpan? timeout = null)
    {
        if (!context.Environment.Services.TryGetValue(service, out var spec) || spec.Roles.Count == 0)
        {
            return "";
        }

        var limit = timeout ?? RestoreTimeout;
        var deadline = context.Time.GetUtcNow() + limit;
        var missing = "";
        var (stable, last) = (0, "");
        while (true)
        {
            var instances = await context.Driver.ListInstancesAsync(service, cancellationToken);
            var roles = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
            foreach (var instance in instances)
            {
                roles[instance.Id] = await OfAsync(context, spec, instance, cancellationToken);
            }

            var unheld = spec.Roles.Keys.Where(r => !roles.Values.Any(held => held.Contains(r))).ToList();
            var own = roles.GetValueOrDefault(instanceId) ?? [];
            var summary = string.Join(", ", roles.Select(r => $"{r.Key} {(r.Value.Count == 0 ? "none" : string.Join("/", r.Value))}"));
            (stable, last) = unheld.Count == 0 && own.Count > 0 ? (summary == last ? stable + 1 : 1, summary) : (0, "");
            if (stable >= StableLooks)
            {
                return $"{instanceId} is {string.Join("/", own)} ({summary})";
            }

            missing = own.Count == 0 ? $"{instanceId} holds no role" : $"no instance holds {string.Join(", ", unheld)}";
            if (context.Time.GetUtcNow() >= deadline)
            {
                throw new DriverException($"service '{service}' not restored within {limit.TotalSeconds:0}s: {missing}");
            }

            await Task.Delay(PollInterval, context.Time, cancellationToken);
        }
    }

    /// <summary>
    /// Waits until <paramref name="instance"/> holds <paramref name="role"/> (any of its service's roles when null) for a
    /// few looks in a row; returns the role it holds. Throws a <see cref="DriverException"/> after <paramref name="timeout"/>.
    /// </summary>
    public static async Task<string> WaitHoldsAsync(StepContext context, ServiceSpec service, string instance, string? role, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = context.Time.GetUtcNow() + timeout;
        var (stable, last) = (0, "");
        while (true)
        {
            var info = await context.Driver.GetInstanceAsync(instance, cancellationToken);
            var held = await OfAsync(context, service, info, cancellationToken);
            var now = role is null ? (held.Count > 0 ? held[0] : "") : held.Contains(role) ? role : "";
            (stable, last) = now.Length > 0 ? (now == last ? stable + 1 : 1, now) : (0, "");
            if (stable >= StableLooks)
            {
                return now;
            }

            if (context.Time.GetUtcNow() >= deadline)
            {
                var holds = held.Count == 0 ? "holds no role" : $"holds {string.Join("/", held)}";
                throw new DriverException($"{instance} did not become {role ?? "any role"} within {timeout.TotalSeconds:0}s (state {info.State}; {holds})");
            }

            await Task.Delay(PollInterval, context.Time, cancellationToken);
        }
    }
}
