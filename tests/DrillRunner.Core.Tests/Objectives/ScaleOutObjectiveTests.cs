using DrillRunner.Journal;
using DrillRunner.Objectives.ScaleOut;
using DrillRunner.Reports;
using DrillRunner.Scoring;
using DrillRunner.Timeline;
using static DrillRunner.Core.Tests.Objectives.ObjectiveInputs;

namespace DrillRunner.Core.Tests.Objectives;

public sealed class ScaleOutObjectiveTests
{
    [Fact]
    public void Scale_out_is_measured_from_the_first_fault_to_the_first_sample_with_enough_healthy_instances()
    {
        var result = Evaluate(Counts((4, 3, 3), (20, 5, 4), (21, 5, 5), (30, 6, 6)));

        Assert.True(result.Met);
        Assert.Equal(TimeSpan.FromSeconds(16), result.Find(Measures.ScaleOut)!.AsDuration());
        Assert.Equal("5 healthy instances, scale-out 16s", ObjectiveText.Achieved(result));
        Assert.Equal(">= 5 healthy instances, scale-out <= 30s", ObjectiveText.Target(result));
        Assert.Contains("had 5 healthy of 5 at 10:00:21.000", result.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Instances_that_exist_but_are_not_healthy_yet_do_not_count()
    {
        var result = Evaluate(Counts((6, 5, 3), (30, 5, 4), (40, 5, 4)));

        Assert.False(result.Met);
        Assert.Null(result.Find(Measures.ScaleOut));
        Assert.Equal(4, result.Find(Measures.HealthyInstances)!.Value);
        Assert.Contains("never had 5 healthy", result.Detail, StringComparison.Ordinal);
        Assert.NotNull(result.Remedy);
    }

    [Fact]
    public void Too_slow_a_scale_out_misses_the_target()
    {
        var result = Evaluate(Counts((6, 3, 3), (50, 5, 5)));

        Assert.False(result.Met);
        Assert.Equal(TimeSpan.FromSeconds(45), result.Find(Measures.ScaleOut)!.AsDuration());
    }

    [Fact]
    public void From_a_named_step_measures_from_when_the_step_was_journaled()
    {
        var journal = new[] { new UndoEntry(1, "r", "promotion-spike", new UndoRecord("traffic-stop", "promotion-spike", "{}"), UndoStatus.Reverted, T0.AddSeconds(15), T0.AddSeconds(15), null, null) };
        var options = new ScaleOutOptions { Service = "app", AtLeast = 5, Within = TimeSpan.FromSeconds(30), From = "promotion-spike" };

        var result = new ScaleOutObjective(options).Evaluate(Run(instances: Counts((16, 3, 3), (21, 5, 5)), journal: journal), 15);

        Assert.Equal(TimeSpan.FromSeconds(6), result.Find(Measures.ScaleOut)!.AsDuration());
    }

    [Fact]
    public void Without_samples_scale_out_is_not_measured_and_not_met()
    {
        var result = Evaluate([]);

        Assert.False(result.Met);
        Assert.Equal("not measured", ObjectiveText.Achieved(result));
    }

    [Fact]
    public void The_objective_asks_the_engine_to_observe_its_service() =>
        Assert.Equal(["app"], new ScaleOutObjective(new ScaleOutOptions { Service = "app" }).ObservedServices);

    private static ObjectiveResult Evaluate(IReadOnlyList<InstanceCount> counts) =>
        new ScaleOutObjective(new ScaleOutOptions { Service = "app", AtLeast = 5, Within = TimeSpan.FromSeconds(30) }).Evaluate(Run(instances: counts), 15);

    private static InstanceCount[] Counts(params (double At, int Instances, int Healthy)[] samples) =>
        [.. samples.Select(s => new InstanceCount("app", T0.AddSeconds(s.At), s.Instances, s.Healthy)), new InstanceCount("lb", T0.AddSeconds(7), 9, 9)];
}
