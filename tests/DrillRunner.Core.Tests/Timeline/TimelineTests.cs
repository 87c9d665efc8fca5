using System.Text.Json;
using DrillRunner.Steps;
using DrillRunner.Timeline;

namespace DrillRunner.Core.Tests.Timeline;

/// <summary>A long run's timeline: windowed reads for the live views, and a compact saved form that round-trips exactly.</summary>
public sealed class TimelineTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 24, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Samples_arriving_out_of_order_are_kept_in_time_order_and_a_window_reads_only_its_part()
    {
        var timeline = new RunTimeline();
        foreach (var ms in new[] { 0, 250, 750, 500, 1000, 1250 })
        {
            timeline.Add(new ProbeSample("p", Start.AddMilliseconds(ms), ms != 500, 1));
        }

        timeline.Add(new TimelineEvent(Start.AddMilliseconds(100), EventKinds.Note, "early"));
        timeline.Add(new TimelineEvent(Start.AddMilliseconds(900), EventKinds.Note, "late"));

        Assert.Equal([0, 250, 500, 750, 1000, 1250], timeline.Snapshot().Samples.Select(s => (int)(s.At - Start).TotalMilliseconds));
        var window = timeline.Since(Start.AddMilliseconds(500));
        Assert.Equal([500, 750, 1000, 1250], window.Samples.Select(s => (int)(s.At - Start).TotalMilliseconds));
        Assert.False(window.Samples[0].Ok);
        Assert.Equal("late", Assert.Single(window.Events).Message);
        Assert.Equal("early", timeline.LastEvent(e => e.Message == "early")?.Message);
    }

    [Fact]
    public void Saved_samples_round_trip_to_the_tick_in_a_fraction_of_the_size()
    {
        var samples = new List<ProbeSample>();
        for (var i = 0; i < 2000; i++)
        {
            var at = Start.AddTicks((i * 2_500_000L) + (i % 7));
            samples.Add(new ProbeSample("products", at, i % 10 != 0, 1.5 + (i % 13), i % 10 == 0 ? 503 : 200, i % 10 == 0 ? "HTTP 503" : null));
            samples.Add(new ProbeSample("health", at.AddTicks(3), true, 0.25, null, i % 500 == 0 ? "slow" : null));
        }

        var snapshot = new TimelineSnapshot([], [.. samples.OrderBy(s => s.At)], [], []);
        var json = JsonSerializer.Serialize(snapshot, JsonDefaults.Compact);
        var back = JsonSerializer.Deserialize<TimelineSnapshot>(json, JsonDefaults.Options)!;

        Assert.Equal(snapshot.Samples, back.Samples);
        var asObjects = JsonSerializer.Serialize(snapshot.Samples, JsonDefaults.Compact);
        Assert.True(json.Length * 4 < asObjects.Length, $"{json.Length} bytes, against {asObjects.Length} as sample objects");
    }

    [Fact]
    public void Results_saved_with_samples_as_objects_still_load()
    {
        const string Saved = """
            {"events":[],"samples":[{"probe":"p","at":"2026-11-24T10:00:00.25+00:00","ok":false,"latencyMs":3,"status":503,"error":"down"},
            {"probe":"p","at":"2026-11-24T10:00:00+00:00","ok":true,"latencyMs":1,"status":200,"error":null}],"traffic":[],"trafficSummaries":[]}
            """;

        var snapshot = JsonSerializer.Deserialize<TimelineSnapshot>(Saved, JsonDefaults.Options)!;

        Assert.Equal([true, false], snapshot.Samples.Select(s => s.Ok));
        Assert.Equal("down", snapshot.Samples[1].Error);
        Assert.Equal(Start.AddMilliseconds(250), snapshot.Samples[1].At);
    }
}
