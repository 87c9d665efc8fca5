using DrillRunner.Engine;
using DrillRunner.Testing;

namespace DrillRunner.Core.Tests.Reports;

/// <summary>Real run results from the engine harness (fake driver, fake clock) for report tests.</summary>
internal static class ReportRuns
{
    public const string RestartAction = """
          - name: restart-lb
            kind: restart
            at: 4s
            service: lb
        """;

    public static async Task<RunResult> KillWithActionAsync(string faultFor = "5s")
    {
        using var harness = new Engine.EngineHarness(TestEnvironments.KillDrill(faultFor: faultFor, extraSteps: RestartAction));
        return await harness.RunAsync();
    }

    /// <summary>Picks the inline SVG chart out of an HTML report and parses it as XML.</summary>
    public static System.Xml.Linq.XElement Chart(string html)
    {
        var start = html.IndexOf("<svg", StringComparison.Ordinal);
        var end = html.IndexOf("</svg>", start, StringComparison.Ordinal) + "</svg>".Length;
        Assert.True(start >= 0 && end > start, "the report has no inline SVG chart");
        return System.Xml.Linq.XElement.Parse(html[start..end]);
    }
}
