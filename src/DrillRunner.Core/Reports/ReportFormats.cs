using System.Text.Json;
using DrillRunner.Engine;
using DrillRunner.Steps;

namespace DrillRunner.Reports;

/// <summary>The report formats of a run, by the name the CLI and HTTP API use.</summary>
public static class ReportFormats
{
    public const string Markdown = "md";
    public const string Json = "json";
    public const string Html = "html";
    public const string JUnit = "junit";

    public static IReadOnlyList<string> All { get; } = [Markdown, Json, Html, JUnit];

    /// <summary>Renders <paramref name="result"/> in <paramref name="format"/> (one of <see cref="All"/>).</summary>
    public static string Render(RunResult result, string format) => format switch
    {
        Markdown => MarkdownReport.Render(result),
        Json => JsonSerializer.Serialize(result, JsonDefaults.Options),
        Html => HtmlReport.Render(result),
        JUnit => JUnitReport.Render(result),
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, $"unknown report format; use one of {string.Join(", ", All)}"),
    };

    public static string FileName(string format) => format switch
    {
        JUnit => "report.junit.xml",
        _ => "report." + format,
    };

    public static string ContentType(string format) => format switch
    {
        Markdown => "text/markdown; charset=utf-8",
        Json => "application/json; charset=utf-8",
        Html => "text/html; charset=utf-8",
        JUnit => "application/xml; charset=utf-8",
        _ => "text/plain; charset=utf-8",
    };
}
