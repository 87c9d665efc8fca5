using System.Text.Json;
using DrillRunner.Engine;
using DrillRunner.Steps;

namespace DrillRunner.Reports;

/// <summary>Writes a run's reports into <c>{folder}/{runId}/</c> and says where they are.</summary>
public static class ReportFiles
{
    public static async Task<IReadOnlyList<string>> WriteAsync(RunResult result, string folder, CancellationToken cancellationToken)
    {
        var runFolder = Path.Combine(Path.GetFullPath(folder), result.RunId);
        Directory.CreateDirectory(runFolder);
        var markdown = Path.Combine(runFolder, "report.md");
        var json = Path.Combine(runFolder, "report.json");
        await File.WriteAllTextAsync(markdown, MarkdownReport.Render(result), cancellationToken);
        await File.WriteAllTextAsync(json, JsonSerializer.Serialize(result, JsonDefaults.Options), cancellationToken);
        return [markdown, json];
    }
}
