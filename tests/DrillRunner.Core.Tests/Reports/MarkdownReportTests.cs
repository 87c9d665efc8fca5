using DrillRunner.Reports;
using DrillRunner.Testing;

namespace DrillRunner.Core.Tests.Reports;

public sealed class MarkdownReportTests
{
    [Fact]
    public async Task The_report_reads_like_a_postmortem_with_measured_numbers()
    {
        using var harness = new Engine.EngineHarness(TestEnvironments.KillDrill(faultFor: "5s"));
        var result = await harness.RunAsync();

        var markdown = MarkdownReport.Render(result);

        Assert.StartsWith("# Drill report: kill-one — PASS", markdown, StringComparison.Ordinal);
        foreach (var section in new[] { "## Issue Summary", "## Timeline", "## Root Cause and Resolution", "## Recovery objectives", "## Corrective and Preventative Measures", "## What the drill changed and restored" })
        {
            Assert.Contains(section, markdown, StringComparison.Ordinal);
        }

        Assert.Contains("of user-visible impact", markdown, StringComparison.Ordinal);
        Assert.Contains("| recover (gate) | <= 15s |", markdown, StringComparison.Ordinal);
        Assert.Contains("kill (SIGKILL) 1 of app", markdown, StringComparison.Ordinal);
        Assert.Contains("| reverted |", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Report_files_are_written_per_run_and_the_json_round_trips()
    {
        using var harness = new Engine.EngineHarness(TestEnvironments.KillDrill(faultFor: "2s"));
        var result = await harness.RunAsync();

        var files = await ReportFiles.WriteAsync(result, Path.Combine(harness.Folder, "reports"), default);

        Assert.Equal(["report.md", "report.json", "report.html", "report.junit.xml"], files.Select(Path.GetFileName));
        Assert.All(files, f => Assert.True(File.Exists(f), f));
        var json = await File.ReadAllTextAsync(files[1]);
        var back = System.Text.Json.JsonSerializer.Deserialize<DrillRunner.Engine.RunResult>(json, DrillRunner.Steps.JsonDefaults.Options)!;
        Assert.Equal(result.RunId, back.RunId);
        Assert.Equal(result.Score!.Value, back.Score!.Value);
        Assert.Equal(result.Timeline.Samples.Count, back.Timeline.Samples.Count);
    }

    [Fact]
    public async Task Input_cannot_break_a_markdown_table_or_start_a_heading()
    {
        var result = await ReportRuns.KillWithActionAsync();
        var change = result.Changes[0] with { Detail = "a | b\n# not a heading" };

        var markdown = MarkdownReport.Render(result with { Changes = [change, .. result.Changes.Skip(1)] });

        Assert.Contains("| a \\| b # not a heading |", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("\n# not a heading", markdown, StringComparison.Ordinal);
    }
}
