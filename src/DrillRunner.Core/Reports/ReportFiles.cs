using DrillRunner.Engine;

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
            await File.WriteAllTextAsync(path, ReportFormats.Render(result, format), cancellationToken);
            paths.Add(path);
        }

        return paths;
    }
}
