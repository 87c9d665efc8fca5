namespace DrillRunner.Model.Risks;

/// <summary>The risks <c>drill env check</c> looks for.</summary>
public static class EnvironmentRiskKinds
{
    public const string SingleInstance = "single-instance";
    public const string NoHealthCheck = "no-health-check";
    public const string NoRestartPolicy = "no-restart-policy";
    public const string NoResourceLimits = "no-resource-limits";
}
