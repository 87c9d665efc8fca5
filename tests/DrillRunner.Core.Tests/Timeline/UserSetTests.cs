using DrillRunner.Timeline;

namespace DrillRunner.Core.Tests.Timeline;

public sealed class UserSetTests
{
    [Fact]
    public void Flags_become_ranges_of_user_numbers_from_one()
    {
        var set = UserSet.FromFlags([false, true, true, false, true, true, true]);

        Assert.Equal([new UserRange(1, 2), new UserRange(4, 6)], set.Ranges);
        Assert.Equal(5, set.Count);
    }

    [Fact]
    public void The_union_counts_a_user_of_several_sources_once()
    {
        var baseline = new UserSet([new UserRange(1, 300)]);
        var surge = new UserSet([new UserRange(1, 300)]);
        var other = new UserSet([new UserRange(290, 310), new UserRange(400, 400)]);

        Assert.Equal(300, UserSet.Union([baseline, surge]).Count);
        Assert.Equal([new UserRange(1, 310), new UserRange(400, 400)], UserSet.Union([baseline, other]).Ranges);
    }

    [Fact]
    public void Summaries_without_user_sets_fall_back_to_the_sum_and_say_so()
    {
        TrafficSummary Summary(string source) => new(source, 10, 10, 9, 1, 50, 1, 1, 2);

        var users = TrafficUsers.Of([Summary("a"), Summary("b")]);

        Assert.Equal(new TrafficUsers(2, 100, Distinct: false), users);
    }

    [Fact]
    public void A_user_set_survives_the_result_json()
    {
        var summary = new TrafficSummary("a", 10, 10, 9, 1, 50, 1, 1, 2) { ActiveUsers = new UserSet([new UserRange(1, 50)]), AffectedUsers = new UserSet([new UserRange(7, 7)]) };

        var json = System.Text.Json.JsonSerializer.Serialize(summary, DrillRunner.Steps.JsonDefaults.Options);
        var back = System.Text.Json.JsonSerializer.Deserialize<TrafficSummary>(json, DrillRunner.Steps.JsonDefaults.Options)!;

        Assert.Equal(summary, back);
        Assert.Equal(1, back.AffectedUsers!.Count);
    }
}
