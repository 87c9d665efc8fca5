using DrillRunner.Loading;
using DrillRunner.Model;
using DrillRunner.Model.Risks;
using DrillRunner.Units;

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

    [Fact]
    public void A_service_with_both_limits_declared_has_no_resource_limit_risk()
    {
        var risks = EnvironmentRiskCheck.Check(With(new LimitsSpec { Cpus = 1.5, Memory = new ByteSize(512L << 20) }));

        Assert.DoesNotContain(risks, r => r.Kind == EnvironmentRiskKinds.NoResourceLimits);
        Assert.Contains(risks, r => r.Kind == EnvironmentRiskKinds.SingleInstance); // the other checks still run
    }

    [Theory]
    [InlineData(1.0, null, "no memory limit (CPU is limited)")]
    [InlineData(null, 256L << 20, "no CPU limit (memory is limited)")]
    [InlineData(null, null, "no CPU or memory limits")]
    public void A_service_with_one_limit_or_none_is_told_which_is_missing(double? cpus, long? memory, string expected)
    {
        var limits = cpus is null && memory is null ? null : new LimitsSpec { Cpus = cpus, Memory = memory is { } m ? new ByteSize(m) : null };

        var risk = Assert.Single(EnvironmentRiskCheck.Check(With(limits)), r => r.Kind == EnvironmentRiskKinds.NoResourceLimits);

        Assert.StartsWith(expected, risk.Description, StringComparison.Ordinal);
        Assert.Equal(EnvironmentRiskCheck.SurgeDrill, risk.Drill);
    }

    [Fact]
    public void Limits_read_from_running_containers_override_what_the_file_declares()
    {
        var declared = With(new LimitsSpec { Cpus = 1, Memory = new ByteSize(1L << 30) });
        var undeclared = With(null);

        var none = Assert.Single(EnvironmentRiskCheck.Check(declared, new Dictionary<string, LimitsSpec?> { ["db"] = null }), r => r.Kind == EnvironmentRiskKinds.NoResourceLimits);
        var real = EnvironmentRiskCheck.Check(undeclared, new Dictionary<string, LimitsSpec?> { ["db"] = new() { Cpus = 2, Memory = new ByteSize(1L << 30) } });

        Assert.EndsWith("(read from its running containers)", none.Description, StringComparison.Ordinal);
        Assert.DoesNotContain(real, r => r.Kind == EnvironmentRiskKinds.NoResourceLimits);
    }

    private static EnvironmentSpec With(LimitsSpec? limits) => new()
    {
        Name = "limited",
        Services = new Dictionary<string, ServiceSpec> { ["db"] = new() { Name = "db", Instances = 1, Limits = limits } },
    };

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
