using System.Globalization;
using System.Xml.Linq;
using DrillRunner.Engine;
using DrillRunner.Journal;
using DrillRunner.Scoring;

namespace DrillRunner.Reports;

/// <summary>
/// The run as JUnit XML for CI pipelines: one <c>testsuite</c> per run, one <c>testcase</c> per objective
/// (<c>failure</c> when missed), a <c>restore</c> case that fails when something could not be undone, and an
/// INCONCLUSIVE run's objectives <c>skipped</c> with the validity problems. A run that was never scored is a
/// single <c>run</c> case: skipped when it did not start, an error otherwise.
/// </summary>
public static class JUnitReport
{
    public static string Render(RunResult result)
    {
        var doc = Build(result);
        return doc.Declaration + "\n" + doc;
    }

    public static XDocument Build(RunResult result)
    {
        var className = $"drillrunner.{result.Drill}";
        var cases = new List<XElement>();
        if (result.Score is { } score)
        {
            cases.AddRange(score.Objectives.Select(o => Objective(o, score, className)));
        }
        else
        {
            cases.Add(Case("run", className, result.Status == RunStatus.NotStarted
                ? new XElement("skipped", new XAttribute("message", $"not started: {result.Reason}"))
                : new XElement("error", new XAttribute("message", $"{ReportText.StatusWord(result.Status)}: {result.Reason}"), new XAttribute("type", "run-" + result.Status.ToString().ToLowerInvariant()))));
        }

        if (result.Changes.Count > 0 || result.Status == RunStatus.RestoreFailed)
        {
            cases.Add(Restore(result, className));
        }

        var seconds = Math.Max(0, (result.EndedAt - result.StartedAt).TotalSeconds).ToString("0.###", CultureInfo.InvariantCulture);
        var failures = cases.Count(c => c.Element("failure") is not null).ToString(CultureInfo.InvariantCulture);
        var errors = cases.Count(c => c.Element("error") is not null).ToString(CultureInfo.InvariantCulture);
        var skipped = cases.Count(c => c.Element("skipped") is not null).ToString(CultureInfo.InvariantCulture);
        var tests = cases.Count.ToString(CultureInfo.InvariantCulture);
        var suite = new XElement("testsuite",
            new XAttribute("name", result.Drill),
            new XAttribute("id", result.RunId),
            new XAttribute("tests", tests),
            new XAttribute("failures", failures),
            new XAttribute("errors", errors),
            new XAttribute("skipped", skipped),
            new XAttribute("time", seconds),
            new XAttribute("timestamp", result.StartedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture)),
            new XAttribute("hostname", result.Environment),
            Properties(result),
            cases);
        return new XDocument(new XDeclaration("1.0", "utf-8", null),
            // The common (Jenkins) schema gives testsuites no skipped attribute; the suite carries it.
            new XElement("testsuites", new XAttribute("name", "drillrunner"), new XAttribute("tests", tests), new XAttribute("failures", failures),
                new XAttribute("errors", errors), new XAttribute("time", seconds), suite));
    }

    private static XElement Objective(ObjectiveResult o, Score score, string className)
    {
        if (score.Verdict == Verdict.Inconclusive)
        {
            return Case(o.Kind, className, new XElement("skipped",
                new XAttribute("message", "inconclusive: " + string.Join("; ", score.ValidityProblems))));
        }

        return o.Met
            ? Case(o.Kind, className, new XElement("system-out", $"target {ObjectiveText.Target(o)}, achieved {ObjectiveText.Achieved(o)}: {o.Detail}"))
            : Case(o.Kind, className, new XElement("failure",
                new XAttribute("message", $"target {ObjectiveText.Target(o)}, achieved {ObjectiveText.Achieved(o)}"),
                new XAttribute("type", o.IsGate ? "gate-missed" : "objective-missed"),
                string.Join("\n", new[] { o.Detail, o.Remedy }.Where(t => !string.IsNullOrEmpty(t)))));
    }

    private static XElement Restore(RunResult result, string className)
    {
        var notRestored = result.Changes.Where(c => c.Status != UndoStatus.Reverted).ToList();
        if (result.Status != RunStatus.RestoreFailed && notRestored.Count == 0)
        {
            return Case("restore", className, new XElement("system-out", $"{result.Changes.Count} change(s) reverted and verified"));
        }

        var lines = notRestored.Select(c => $"{c.Step}: {c.Record.Kind} {c.Record.Target} is {c.Status.ToString().ToLowerInvariant()}{(c.Detail is null ? "" : " — " + c.Detail)}");
        return Case("restore", className, new XElement("failure",
            new XAttribute("message", $"{notRestored.Count} change(s) not restored; restore the environment by hand"),
            new XAttribute("type", "restore-failed"),
            string.Join("\n", lines)));
    }

    private static XElement Properties(RunResult result) => new("properties",
        Property("run", result.RunId),
        Property("environment", result.Environment),
        Property("driver", result.Driver),
        Property("trigger", result.Trigger),
        Property("status", ReportText.StatusWord(result.Status)),
        result.Score is { } s ? Property("score", ReportText.Number(s.Value)) : null,
        result.Score is { } v ? Property("verdict", v.Verdict.ToString().ToUpperInvariant()) : null,
        result.Score is { } b ? Property("band", b.Band) : null);

    private static XElement Property(string name, string value) => new("property", new XAttribute("name", name), new XAttribute("value", value));

    private static XElement Case(string name, string className, XElement? child) => new("testcase",
        new XAttribute("name", name), new XAttribute("classname", className), new XAttribute("time", "0"), child);
}
