namespace DrillRunner.Model.Risks;

/// <summary>
/// <c>drill env check</c>: the risks an environment file shows without touching a running system: a service with one
/// instance (its loss is an outage), no health check (a load balancer cannot tell a hung instance), no restart
/// policy (a crash stays down) and no resource limits (a surge takes what it finds). Each names a shipped drill.
/// Services adopted by a selector are judged by what the file says too; their real replicas may differ.
/// </summary>
public static class EnvironmentRiskCheck
{
    public const string NodeLossDrill = "drills/node-loss.yaml";
    public const string SelfHealingDrill = "drills/self-healing.yaml";
    public const string SurgeDrill = "drills/surge.yaml";

    public static IReadOnlyList<EnvironmentRisk> Check(EnvironmentSpec environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
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

            // Environment files declare no CPU or memory limits yet: every service is unbounded.
            risks.Add(new(service.Name, EnvironmentRiskKinds.NoResourceLimits, "no CPU or memory limits: a surge or a leak takes what the machine has", SurgeDrill));
        }

        return risks;
    }
}
