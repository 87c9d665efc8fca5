using Microsoft.Extensions.Time.Testing;

namespace DemoShop.Autoscaler.Tests;

/// <summary>The scaling decisions on a fake clock: one decision per simulated second.</summary>
public sealed class ScalingPolicyTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 1, 10, 0, 0, TimeSpan.Zero));

    [Fact]
    public void In_flight_above_target_for_long_enough_scales_out_to_what_it_needs()
    {
        var policy = Policy();

        Assert.Null(Tick(policy, inFlight: 7, current: 3));
        Assert.Null(Tick(policy, inFlight: 7, current: 3));
        Assert.Equal(7, Tick(policy, inFlight: 7, current: 3));
    }

    [Fact]
    public void One_busy_sample_is_noise_and_does_not_scale()
    {
        var policy = Policy();

        Assert.Null(Tick(policy, inFlight: 20, current: 3));
        Assert.Null(Tick(policy, inFlight: 1, current: 3));
        Assert.Null(Tick(policy, inFlight: 20, current: 3));
        Assert.Null(Tick(policy, inFlight: 2, current: 3));
    }

    [Fact]
    public void Scale_out_never_goes_above_max_replicas_and_a_service_above_it_is_brought_down_to_it()
    {
        var policy = Policy(max: 3);

        Assert.Null(Tick(policy, inFlight: 50, current: 3));
        Assert.Null(Tick(policy, inFlight: 50, current: 3));
        Assert.Null(Tick(policy, inFlight: 50, current: 3));
        var decisions = Enumerable.Range(0, 12).Select(_ => Tick(policy, inFlight: 50, current: 5)).ToList();
        Assert.All(decisions.Take(10), Assert.Null);
        Assert.Equal(3, decisions[10]);
    }

    [Fact]
    public void A_service_below_min_replicas_for_a_while_is_brought_up_but_a_brief_dip_is_left_alone()
    {
        var policy = Policy();

        // A deploy recreating one instance hides it for a few seconds: no action.
        Assert.All(Enumerable.Range(0, 4).Select(_ => Tick(policy, inFlight: 0, current: 2)), Assert.Null);
        Assert.Null(Tick(policy, inFlight: 0, current: 3));

        var decisions = Enumerable.Range(0, 11).Select(_ => Tick(policy, inFlight: 0, current: 1)).ToList();
        Assert.All(decisions.Take(10), Assert.Null);
        Assert.Equal(3, decisions[10]);
    }

    [Fact]
    public void After_a_scale_out_the_next_waits_for_its_cool_down()
    {
        var policy = Policy(max: 20);
        Tick(policy, 6, 3);
        Tick(policy, 6, 3);
        Assert.Equal(6, Tick(policy, 6, 3));

        var next = Enumerable.Range(0, 4).Select(_ => Tick(policy, inFlight: 12, current: 6)).ToList();
        Assert.All(next, Assert.Null);
        Assert.Equal(12, Tick(policy, inFlight: 12, current: 6));
    }

    [Fact]
    public void Scale_in_waits_for_the_whole_cool_down_of_low_load_and_keeps_the_highest_need_seen_in_it()
    {
        var policy = Policy(coolDown: 10);
        Tick(policy, 8, 3);
        Tick(policy, 8, 3);
        Assert.Equal(8, Tick(policy, 8, 3));

        // Low load: 1.0 in flight needs 4 servers at 0.3 each; one busier second in the window (1.9) needs 7.
        var decisions = new List<int?>();
        for (var second = 0; second < 12; second++)
        {
            decisions.Add(Tick(policy, inFlight: second == 3 ? 1.9 : 1.0, current: 8));
        }

        // The cool-down (10 s) since the scale-out ends during the 9th low second.
        Assert.All(decisions.Take(9), Assert.Null);
        Assert.Equal(7, decisions.First(d => d is not null));
    }

    [Fact]
    public void Scale_in_never_goes_below_min_replicas()
    {
        var policy = Policy(coolDown: 5);
        var decisions = Enumerable.Range(0, 8).Select(_ => Tick(policy, inFlight: 0, current: 6)).ToList();

        Assert.Equal(3, decisions.Single(d => d is not null));
    }

    private ScalingPolicy Policy(int min = 3, int max = 8, double coolDown = 30) => new(
        new AutoscalerOptions { Environment = "env.yaml", ScaleOutAfterSeconds = 2, MinReplicas = min, MaxReplicas = max, CoolDownSeconds = coolDown, TargetInFlight = 1, ScaleInInFlight = 0.3 },
        _time);

    private int? Tick(ScalingPolicy policy, double inFlight, int current)
    {
        var decision = policy.Decide(inFlight, current);

        // A real timer never ticks exactly on the second: decisions must not hang on exact durations.
        _time.Advance(TimeSpan.FromMilliseconds(1003));
        return decision;
    }
}
