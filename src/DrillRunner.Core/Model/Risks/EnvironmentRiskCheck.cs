namespace DrillRunner.Model.Risks;

/// <summary>
/// <c>drill env check</c>: the risks an environment file shows without touching a running system: a service with one
/// instance (its loss is an outage), no health check (a load balancer cannot tell a hung instance), no restart
/// policy (a crash stays down) and no resource limits, or only one of CPU and memory (a surge takes what it finds).
/// Each names a shipped drill. Services adopted by a selector are judged by what the file says too; their real
/// containers may differ (the command reads their limits from the engine when they run).
/// </summary>
public static class EnvironmentRiskCheck
{
    public const string NodeLossDrill = "drills/node-loss.yaml";
    public const string SelfHealingDrill = "drills/self-healing.yaml";
    public const string SurgeDrill = "drills/surge.yaml";

    public static IReadOnlyList<EnvironmentRisk> Check(EnvironmentSpec environment) => Check(environment, new Dictionary<string, LimitsSpec?>());

    /// <summary>
    /// The risks, judging each service in <paramref name="observed"/> by the limits read from its running instances
    /// (null: at least one has neither) instead of the ones its file declares.
    /// </summary>
    public static IReadOnlyList<EnvironmentRisk> Check(EnvironmentSpec environment, IReadOnlyDictionary<string, LimitsSpec?> observed)
    {
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(observed);
        var risks = new List<EnvironmentRisk>();
        foreach (var service in environment.Services.Values.OrderBy(s => s.Name, StringComparer.Ordinal))
        {
            if (service.Instances == 1)
            {
                risks.Add(new(service.Name, EnvironmentRiskKinds.SingleInstance, "one instance: losing it is an outage of the service", NodeLossDrill));
            }

            if (string.IsNullOrEmpty(service.HealthPath))
            {
                risks.Add(new(service.Name, EnvironmentRiskKinds.NoHealthCheck, "no healthPath: a hung instance looks alive to its load balancer and to the drill", NodeLossDrill));
            }

            if (service.Supervisor is null)
            {
                risks.Add(new(service.Name, EnvironmentRiskKinds.NoRestartPolicy, "no supervisor (restart policy): a crashed instance stays down", SelfHealingDrill));
            }

            var read = observed.TryGetValue(service.Name, out var real);
            if (LimitsRisk(read ? real : service.Limits) is { } limits)
            {
                risks.Add(new(service.Name, EnvironmentRiskKinds.NoResourceLimits, read ? limits + " (read from its running containers)" : limits, SurgeDrill));
            }
        }

        return risks;
    }

    /// <summary>What is unbounded given a service's limits (declared, or read from its instances), or null when both are set.</summary>
    public static string? LimitsRisk(LimitsSpec? limits) => limits switch
    {
        { IsComplete: true } => null,
        { Cpus: not null } => "no memory limit (CPU is limited): a leak or a surge's queues take the machine's memory, and the kernel's OOM killer picks the victim",
        { Memory: not null } => "no CPU limit (memory is limited): a surge or a busy loop takes every CPU from its neighbours",
        _ => "no CPU or memory limits: a surge or a leak takes what the machine has",
    };
}
