using DrillRunner.Loading;
using DrillRunner.Model;
using DrillRunner.Model.Risks;

namespace DrillRunner.Core.Tests.Model;

public sealed class EnvironmentRiskCheckTests
{
    [Fact]
    public void A_lone_unwatched_unsupervised_service_has_every_risk_each_with_a_shipped_drill()
    {
        var environment = new EnvironmentSpec
        {
            Name = "risky",
            Services = new Dictionary<string, ServiceSpec> { ["db"] = new() { Name = "db", Instances = 1 } },
        };

        var risks = EnvironmentRiskCheck.Check(environment);

        Assert.Equal(
            [EnvironmentRiskKinds.SingleInstance, EnvironmentRiskKinds.NoHealthCheck, EnvironmentRiskKinds.NoRestartPolicy, EnvironmentRiskKinds.NoResourceLimits],
            risks.Select(r => r.Kind));
        Assert.All(risks, r => Assert.Equal("db", r.Service));
        Assert.All(risks, r => Assert.True(File.Exists(Path.Combine(RepositoryRoot(), r.Drill)), $"{r.Drill} does not ship"));
    }

    [Fact]
    public void The_shipped_web_tier_shows_its_single_load_balancer_and_no_risk_its_replicated_apps_avoid()
    {
        var environment = EnvironmentLoader.Load(Path.Combine(RepositoryRoot(), "drills", "environments", "web-tier.yaml"));

        var risks = EnvironmentRiskCheck.Check(environment);

        Assert.Contains(risks, r => r is { Service: "lb", Kind: EnvironmentRiskKinds.SingleInstance });
        Assert.DoesNotContain(risks, r => r.Service == "app" && r.Kind is EnvironmentRiskKinds.SingleInstance or EnvironmentRiskKinds.NoHealthCheck or EnvironmentRiskKinds.NoRestartPolicy);
    }

    private static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "DrillRunner.sln")))
        {
            folder = folder.Parent;
        }

        return folder?.FullName ?? throw new InvalidOperationException("DrillRunner.sln not found above the test folder");
    }
}
