using DrillRunner.Loading;
using DrillRunner.Testing;

namespace DrillRunner.Core.Tests.Loading;

/// <summary>Bad input for the objectives and steps that check the postmortem's measures: refused at load with line and field.</summary>
public sealed class CorrectiveMeasureInputTests : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly DrillLoader _loader = new(TestCatalog.Create());

    public CorrectiveMeasureInputTests() => _folder.Write("environments/test-shop.yaml", TestEnvironments.Shop.Replace(
        "    instances: 3\n", "    instances: 3\n    maxInstances: 6\n", StringComparison.Ordinal));

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Scale_out_on_an_unknown_service_is_refused_with_its_line_and_a_suggestion()
    {
        var problem = Single(Objective("kind: scale-out\n    service: ap\n    atLeast: 5\n    within: 30s"));

        Assert.Equal("objectives[0].service", problem.Field);
        Assert.Equal(10, problem.Location.Line);
        Assert.Contains("no service 'ap' (did you mean 'app'?)", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Scale_out_above_the_environments_maximum_is_refused()
    {
        var problem = Single(Objective("kind: scale-out\n    service: app\n    atLeast: 7\n    within: 30s"));

        Assert.Equal("objectives[0].atLeast", problem.Field);
        Assert.Contains("above the 6 instances service 'app'", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Scale_out_from_a_step_that_does_not_exist_is_refused()
    {
        var problem = Single(Objective("kind: scale-out\n    service: app\n    atLeast: 5\n    from: promo"));

        Assert.Equal("objectives[0].from", problem.Field);
    }

    [Fact]
    public void A_scale_action_above_the_maximum_is_refused()
    {
        var problem = Single(Drill("""
              - name: grow
                kind: scale
                service: app
                replicas: 9
            """, objectives: ""));

        Assert.Equal("steps.replicas", problem.Field);
    }

    [Fact]
    public void An_alert_objective_without_an_alert_source_is_refused()
    {
        var problem = Single(Objective("kind: alert\n    name: ShopSlow\n    within: 20s"));

        Assert.Equal("objectives[0].alert", problem.Field);
        Assert.Equal(10, problem.Location.Line);
        Assert.Contains("needs an alert source", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_webhook_on_a_prometheus_source_is_refused()
    {
        var text = Drill("", "  - kind: detect\n    target: 30s").Replace("probes:", "alerts:\n  kind: prometheus\n  url: http://127.0.0.1:9090\n  webhook: { port: 19095 }\nprobes:", StringComparison.Ordinal);

        var problem = Single(text);

        Assert.Equal("alerts.webhook", problem.Field);
        Assert.Equal(4, problem.Location.Line);
    }

    [Fact]
    public void The_shipped_corrective_objectives_load_when_right()
    {
        var drill = _loader.Load(_folder.Write("ok.yaml", Drill("""
              - name: promo
                kind: kill
                at: 1s
                service: app
                count: 1
            """, "  - kind: scale-out\n    service: app\n    atLeast: 6\n    within: 30s\n    from: promo")));

        Assert.Single(drill.Objectives);
    }

    private FileProblem Single(string drill)
    {
        var ex = Assert.Throws<DrillInputException>(() => _loader.Load(_folder.Write($"bad-{Guid.NewGuid():N}.yaml", drill)));
        return Assert.Single(ex.Problems);
    }

    private static string Objective(string objective) => Drill("", "  - " + objective);

    internal static string Drill(string steps, string objectives) => $"""
        name: measures
        environment: test-shop
        probes:
          - name: up
            kind: service-up
            service: app
            interval: 250ms
        steps:{(steps.Length == 0 ? " []" : "\n" + steps.TrimEnd())}
        objectives:{(objectives.Length == 0 ? " []" : "\n" + objectives)}
        """;
}
