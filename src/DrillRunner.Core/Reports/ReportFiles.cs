using System.Text.Json;
using DrillRunner.Engine;
using DrillRunner.Steps;

namespace DrillRunner.Reports;

/// <summary>Writes a run's reports into <c>{folder}/{runId}/</c> and says where they are.</summary>
public static class ReportFiles
{
    /// <returns>The paths of report.md, report.json, report.html and report.junit.xml, in that order.</returns>
    public static async Task<IReadOnlyList<string>> WriteAsync(RunResult result, string folder, CancellationToken cancellationToken)
    {
        var runFolder = Path.Combine(Path.GetFullPath(folder), result.RunId);
        Directory.CreateDirectory(runFolder);
        var paths = new List<string>();
        foreach (var format in ReportFormats.All)
        {
            var path = Path.Combine(runFolder, ReportFormats.FileName(format));
            if (format == ReportFormats.Json)
            {
                // Streamed: the JSON of a long run's timeline is tens of MB, never needed as one string.
                await using var file = File.Create(path);
                await JsonSerializer.SerializeAsync(file, result, JsonDefaults.Options, cancellationToken);
            }
            else
            {
                await File.WriteAllTextAsync(path, ReportFormats.Render(result, format), cancellationToken);
            }

            paths.Add(path);
        }

        return paths;
    }
}
