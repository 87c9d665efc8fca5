using DrillRunner.Loading;
using DrillRunner.Steps.Instances;
using DrillRunner.Testing;

namespace DrillRunner.Core.Tests.Loading;

public sealed class DrillLoaderTests : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly DrillLoader _loader = new(TestCatalog.Create());

    public DrillLoaderTests() => _folder.Write("environments/test-shop.yaml", TestEnvironments.Shop);

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void A_valid_drill_loads_with_its_environment_and_typed_steps()
    {
        var drill = _loader.Load(_folder.Write("kill.yaml", TestEnvironments.KillDrill()));

        Assert.Equal("kill-one", drill.Spec.Name);
        Assert.Equal("test-shop", drill.Environment.Name);
        var kill = Assert.IsType<KillOptions>(drill.Steps.Single().Options);
        Assert.Equal(TimeSpan.FromSeconds(2), kill.At);
        Assert.Equal("SIGKILL", kill.Signal);
        Assert.Equal(2, drill.Objectives.Count);
    }

    [Fact]
    public void A_typo_a_bad_duration_and_an_unknown_kind_are_all_reported_with_lines()
    {
        var file = _folder.Write("bad.yaml", """
            name: bad
            environment: test-shop
            probes:
              - name: up
                kind: service-up
                intervall: 250ms
            steps:
              - kind: kill
                at: 5x
                service: app
              - kind: explode
                at: 10s
            """);

        var ex = Assert.Throws<DrillInputException>(() => _loader.Load(file));

        Assert.Equal(3, ex.Problems.Count);
        Assert.Contains(ex.Problems, p => p.Location.Line == 6 && p.Field == "probes[0].intervall" && p.Message.Contains("did you mean 'interval'", StringComparison.Ordinal));
        Assert.Contains(ex.Problems, p => p.Location.Line == 9 && p.Field == "steps[0].at" && p.Message.Contains("not a duration", StringComparison.Ordinal));
        Assert.Contains(ex.Problems, p => p.Location.Line == 11 && p.Field == "steps[1].kind" && p.Message.Contains("unknown kind 'explode'", StringComparison.Ordinal));
        Assert.All(ex.Problems, p => Assert.Equal(file, p.Location.File));
    }

    [Fact]
    public void A_fault_on_every_instance_is_refused_unless_total_outage_is_allowed()
    {
        var drill = TestEnvironments.KillDrill().Replace("count: 1", "count: 3", StringComparison.Ordinal);
        var ex = Assert.Throws<DrillInputException>(() => _loader.Load(_folder.Write("all.yaml", drill)));
        Assert.Contains(ex.Problems, p => p.Field.EndsWith("allowTotalOutage", StringComparison.Ordinal));

        var allowed = drill.Replace("count: 3", "count: 3\n    allowTotalOutage: true", StringComparison.Ordinal);
        Assert.NotNull(_loader.Load(_folder.Write("allowed.yaml", allowed)));
    }

    [Fact]
    public void A_probe_target_outside_the_allowlist_is_refused_with_its_line()
    {
        var file = _folder.Write("outside.yaml", """
            name: outside
            environment: test-shop
            probes:
              - name: external
                kind: http
                url: http://example.com/health
            """);

        var ex = Assert.Throws<DrillInputException>(() => _loader.Load(file));

        var problem = Assert.Single(ex.Problems);
        Assert.Equal(4, problem.Location.Line);
        Assert.Contains("not in environment 'test-shop' allowlist", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Endpoint_references_resolve_and_unknown_ones_are_reported()
    {
        var ok = _loader.Load(_folder.Write("ok.yaml", """
            name: endpoints
            environment: test-shop
            probes:
              - name: shop
                kind: http
                url: ${endpoints.shop}/health
            """));
        Assert.Equal("http://127.0.0.1:18999/health", ok.Probes.Single().Targets.Single().ToString());

        var ex = Assert.Throws<DrillInputException>(() => _loader.Load(_folder.Write("bad.yaml", """
            name: endpoints
            environment: test-shop
            probes:
              - name: shop
                kind: http
                url: ${endpoints.shopp}/health
            """)));
        Assert.Contains(ex.Problems, p => p.Location.Line == 6 && p.Message.Contains("no endpoint 'shopp'", StringComparison.Ordinal));
    }

    [Fact]
    public void A_step_on_an_unknown_service_suggests_the_right_one()
    {
        var drill = TestEnvironments.KillDrill().Replace("service: app\n    count", "service: ap\n    count", StringComparison.Ordinal);
        var ex = Assert.Throws<DrillInputException>(() => _loader.Load(_folder.Write("svc.yaml", drill)));
        Assert.Contains(ex.Problems, p => p.Message.Contains("no service 'ap' (did you mean 'app'?)", StringComparison.Ordinal));
    }

    [Fact]
    public void A_missing_environment_is_reported_with_where_it_was_looked_for()
    {
        var ex = Assert.Throws<DrillInputException>(() => _loader.Load(_folder.Write("noenv.yaml", "name: x\nenvironment: nowhere\nprobes: []\n")));
        Assert.Contains(ex.Problems, p => p.Field == "environment" && p.Message.Contains("nowhere.yaml", StringComparison.Ordinal));
    }
}
