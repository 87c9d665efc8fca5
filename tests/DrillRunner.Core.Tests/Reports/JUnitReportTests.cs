using System.Xml.Linq;
using DrillRunner.Journal;
using DrillRunner.Reports;
using DrillRunner.Scoring;

namespace DrillRunner.Core.Tests.Reports;

public sealed class JUnitReportTests
{
    [Fact]
    public async Task A_run_is_one_suite_with_a_case_per_objective_failing_exactly_the_missed_ones_and_a_restore_case()
    {
        var result = await ReportRuns.KillWithActionAsync();

        var xml = JUnitReport.Render(result);
        var doc = XDocument.Parse(xml);
        JUnitShape.AssertValid(doc);
        Assert.StartsWith("<?xml version=\"1.0\" encoding=\"utf-8\"?>", xml, StringComparison.Ordinal);

        var suite = Assert.Single(doc.Root!.Elements("testsuite"));
        Assert.Equal("kill-one", (string?)suite.Attribute("name"));
        var cases = suite.Elements("testcase").ToList();
        Assert.Equal(["recover", "availability", "restore"], cases.Select(c => (string)c.Attribute("name")!));
        Assert.Equal(3, (int)suite.Attribute("tests")!);
        Assert.True((double)suite.Attribute("time")! > 0);
        // This drill's availability target is missed (a PASS overall, as availability is no gate): a failure all the same.
        var missed = result.Score!.Objectives.Where(o => !o.Met).ToList();
        Assert.Equal(missed.Count, (int)suite.Attribute("failures")!);
        foreach (var o in result.Score.Objectives)
        {
            var failure = cases.Single(c => (string?)c.Attribute("name") == o.Kind).Element("failure");
            Assert.Equal(o.Met ? null : $"target {ObjectiveText.Target(o)}, achieved {ObjectiveText.Achieved(o)}", (string?)failure?.Attribute("message"));
        }

        Assert.Null(cases.Single(c => (string?)c.Attribute("name") == "restore").Element("failure"));
        Assert.Equal(result.RunId, suite.Element("properties")!.Elements("property").Single(p => (string?)p.Attribute("name") == "run").Attribute("value")!.Value);
    }

    [Fact]
    public async Task A_missed_objective_fails_with_target_and_achieved_in_the_message()
    {
        var result = await ReportRuns.KillWithActionAsync();
        var score = result.Score!;
        var missed = score.Objectives.Select(o => o.Kind == "recover" ? o with { Met = false, Measurements = [Measurement.Duration("rto", TimeSpan.FromSeconds(42))], Remedy = "automate failover" } : o with { Met = true }).ToList();
        var failed = result with { Score = score with { Verdict = Verdict.Fail, Objectives = missed } };

        var doc = XDocument.Parse(JUnitReport.Render(failed));
        JUnitShape.AssertValid(doc);
        var suite = doc.Root!.Element("testsuite")!;

        var failure = suite.Elements("testcase").Single(c => (string?)c.Attribute("name") == "recover").Element("failure");
        Assert.NotNull(failure);
        Assert.Equal("target <= 15s, achieved 42s", (string?)failure.Attribute("message"));
        Assert.Contains("automate failover", failure.Value, StringComparison.Ordinal);
        Assert.Equal(1, (int)suite.Attribute("failures")!);
    }

    [Fact]
    public async Task A_restore_failure_fails_the_restore_case_and_inconclusive_objectives_are_skipped_with_the_reasons()
    {
        var result = await ReportRuns.KillWithActionAsync();
        var stuck = result.Changes[0] with { Status = UndoStatus.Failed, Detail = "container would not start" };
        var bad = result with
        {
            Status = RunStatus.RestoreFailed,
            Changes = [stuck, .. result.Changes.Skip(1)],
            Score = result.Score! with { Verdict = Verdict.Inconclusive, ValidityProblems = ["traffic 'shoppers' sent 10 of 100 planned requests"] },
        };

        var doc = XDocument.Parse(JUnitReport.Render(bad));
        JUnitShape.AssertValid(doc);
        var suite = doc.Root!.Element("testsuite")!;

        var restore = suite.Elements("testcase").Single(c => (string?)c.Attribute("name") == "restore").Element("failure")!;
        Assert.Contains("container would not start", restore.Value, StringComparison.Ordinal);
        var skipped = suite.Elements("testcase").Where(c => c.Element("skipped") is not null).ToList();
        Assert.Equal(2, skipped.Count);
        Assert.All(skipped, c => Assert.Contains("sent 10 of 100", (string?)c.Element("skipped")!.Attribute("message"), StringComparison.Ordinal));
        Assert.Equal(2, (int)suite.Attribute("skipped")!);
        Assert.Equal(1, (int)suite.Attribute("failures")!);
    }

    [Fact]
    public async Task An_unscored_run_is_a_single_error_case_with_its_reason()
    {
        var result = await ReportRuns.KillWithActionAsync();
        var errored = result with { Status = RunStatus.Errored, Reason = "driver <lost>", Score = null, Changes = [] };

        var doc = XDocument.Parse(JUnitReport.Render(errored));
        JUnitShape.AssertValid(doc);
        var suite = doc.Root!.Element("testsuite")!;

        var only = Assert.Single(suite.Elements("testcase"));
        Assert.Equal("run", (string?)only.Attribute("name"));
        Assert.Equal("ERRORED: driver <lost>", (string?)only.Element("error")!.Attribute("message"));
        Assert.Equal(1, (int)suite.Attribute("errors")!);
    }
}
