using System.Text.Json;
namespace DrillRunner.Cli.Tests.DataTier;

/// <summary>A finished run's report.json, found through the "report:" line `drill run` prints.</summary>
internal sealed class RunReport(JsonDocument document) : IDisposable
{
    public JsonElement Root => document.RootElement;

    public static RunReport From(string output)
    {
        var line = output.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.StartsWith("report:", StringComparison.Ordinal) && l.EndsWith("report.json", StringComparison.Ordinal));
        Assert.True(line is not null, $"no report.json printed:\n{output}");
        return new RunReport(JsonDocument.Parse(File.ReadAllText(line!["report:".Length..].Trim())));
    }

    public JsonElement Objective(string kind) =>
        Root.GetProperty("score").GetProperty("objectives").EnumerateArray().Single(o => o.GetProperty("kind").GetString() == kind);

    public void Dispose() => document.Dispose();
}
