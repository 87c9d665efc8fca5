using System.Text.Json;
using System.Text.Json.Nodes;
using DrillRunner.Journal;
using DrillRunner.Reports;
using DrillRunner.Reports.Leadership;
using DrillRunner.Scoring;
using DrillRunner.Steps;

namespace DrillRunner.Core.Tests.Reports;

public sealed class SavedResultsTests
{
    [Fact]
    public async Task A_result_saved_with_typed_measurements_round_trips_and_its_json_reads_as_numbers_with_units()
    {
        var result = await ReportRuns.KillWithActionAsync();
        var json = JsonSerializer.Serialize(result, JsonDefaults.Options);

        var back = SavedResults.Read(json);

        var recover = JsonNode.Parse(json)!["score"]!["objectives"]!.AsArray().Single(o => (string?)o!["kind"] == "recover")!;
        Assert.Equal("rto", (string?)recover["measurements"]![0]!["name"]);
        Assert.Equal("seconds", (string?)recover["measurements"]![0]!["unit"]);
        Assert.Equal("at-most", (string?)recover["targets"]![0]!["comparison"]);
        Assert.Null(recover["achieved"]);
        Assert.Equal(result.Score!.Objectives.Select(o => o.Measurements), back.Score!.Objectives.Select(o => o.Measurements), new SequencesEqual());
    }

    [Fact]
    public async Task A_result_saved_before_typed_measurements_loads_renders_its_text_and_counts_for_leadership()
    {
        var result = await ReportRuns.KillWithActionAsync();
        var old = OldFormat(JsonSerializer.Serialize(result, JsonDefaults.Options), rto: "7.5s");

        var back = SavedResults.Read(old);

        var recover = back.Score!.Objectives.Single(o => o.Kind == "recover");
        Assert.Equal(TimeSpan.FromSeconds(7.5), recover.Find(Measures.Rto)!.AsDuration());
        Assert.Contains("| recover (gate) | <= 15s | 7.5s | yes |", MarkdownReport.Render(back), StringComparison.Ordinal);
        var availability = back.Score.Objectives.Single(o => o.Kind == "availability");
        Assert.Equal(ObjectiveText.Achieved(result.Score!.Objectives.Single(o => o.Kind == "availability")), ObjectiveText.Achieved(availability));

        var record = new RunRecord(back.RunId, back.Drill, back.Environment, back.Driver, back.Trigger, "d.yaml", "e.yaml", RunStatus.Completed, back.StartedAt,
            back.EndedAt, back.Score.Verdict.ToString().ToUpperInvariant(), back.Score.Value);
        var summary = LeadershipReport.Compute([new StoredRun(record, back)], new LeadershipOptions(), back.EndedAt);
        Assert.Equal(TimeSpan.FromSeconds(7.5), summary.TimeToRecover!.P50);
        Assert.Equal(1, summary.Compliance.Single(c => c.Kind == "recover").Compliant);
    }

    [Fact]
    public void Text_that_is_not_a_run_result_is_a_json_error()
    {
        Assert.ThrowsAny<JsonException>(() => SavedResults.Read("null"));
        Assert.ThrowsAny<JsonException>(() => SavedResults.Read("{ \"runId\": "));
    }

    // The shape results had before typed measurements: display strings "target" and "achieved", nothing else.
    private static string OldFormat(string json, string rto)
    {
        var root = JsonNode.Parse(json)!;
        foreach (var objective in root["score"]!["objectives"]!.AsArray().Select(o => o!.AsObject()))
        {
            var typed = JsonSerializer.Deserialize<ObjectiveResult>(objective.ToJsonString(), JsonDefaults.Options)!;
            objective["target"] = ObjectiveText.Target(typed);
            objective["achieved"] = typed.Kind == "recover" ? rto : ObjectiveText.Achieved(typed);
            objective.Remove("targets");
            objective.Remove("measurements");
            objective.Remove("unmeasured");
        }

        return root.ToJsonString();
    }

    private sealed class SequencesEqual : IEqualityComparer<IReadOnlyList<Measurement>>
    {
        public bool Equals(IReadOnlyList<Measurement>? x, IReadOnlyList<Measurement>? y) => x!.SequenceEqual(y!);

        public int GetHashCode(IReadOnlyList<Measurement> obj) => obj.Count;
    }
}
