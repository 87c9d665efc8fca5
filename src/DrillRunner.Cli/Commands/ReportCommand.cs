using System.CommandLine;
using DrillRunner.Cli.Terminal;
using DrillRunner.Reports;
using DrillRunner.Reports.Leadership;

namespace DrillRunner.Cli.Commands;

/// <summary>
/// <c>drill report &lt;run&gt; [--format md|json|html|junit] [--out FILE]</c> renders a stored run again;
/// <c>drill report --leadership [--since 90d] [--format md|html]</c> rolls up the journal for leadership.
/// </summary>
internal static class ReportCommand
{
    public static Command Create()
    {
        var run = new Argument<string?>("run") { Description = "Run id (see 'drill runs'); not with --leadership", Arity = ArgumentArity.ZeroOrOne };
        var format = new Option<string>("--format") { Description = "md, json, html or junit (leadership: md or html)", DefaultValueFactory = _ => ReportFormats.Markdown };
        format.AcceptOnlyFromAmong([.. ReportFormats.All]);
        var output = new Option<string?>("--out") { Description = "Write the report to this file instead of standard output" };
        var leadership = new Option<bool>("--leadership") { Description = "Roll up all runs: score trends, RTO/RPO compliance, coverage, corrective actions" };
        var since = new Option<string>("--since") { Description = "Leadership period, e.g. 90d, 12w, 48h", DefaultValueFactory = _ => "90d" };
        var known = new Option<string[]>("--known-drill") { Description = "Leadership: a drill that should run even if the journal has none (repeatable)", AllowMultipleArgumentsPerToken = true };
        var command = new Command("report", "Print a stored run's report, or the leadership report") { run, format, output, leadership, since, known };
        command.SetAction((parse, ct) => ErrorPrinter.GuardAsync(async () =>
        {
            var runner = CommonOptions.CreateRunner(parse);
            var chosen = parse.GetValue(format)!;
            string text;
            if (parse.GetValue(leadership))
            {
                if (chosen is not (ReportFormats.Markdown or ReportFormats.Html) || parse.GetValue(run) is not null
                    || !LeadershipOptions.TryParsePeriod(parse.GetValue(since)!, out var period))
                {
                    Console.Error.WriteLine("error: --leadership takes no run id, --format md or html, and --since like 90d, 12w or 48h");
                    return ExitCodes.InvalidInput;
                }

                var options = new LeadershipOptions { Since = period, KnownDrills = parse.GetValue(known) ?? [] };
                var summary = await LeadershipReport.BuildAsync(runner.Journal, options, runner.Time, ct);
                text = chosen == ReportFormats.Html ? LeadershipRenderers.Html(summary) : LeadershipRenderers.Markdown(summary);
            }
            else
            {
                var id = parse.GetValue(run);
                var json = id is null ? null : await runner.Journal.GetResultJsonAsync(id, ct);
                if (json is null)
                {
                    Console.Error.WriteLine(id is null
                        ? "error: give a run id (see 'drill runs') or --leadership"
                        : $"error: no finished run '{id}' in {runner.Options.ResolvedJournalPath}");
                    return ExitCodes.InvalidInput;
                }

                var result = SavedResults.Read(json);
                text = chosen == ReportFormats.Json ? json : ReportFormats.Render(result, chosen);
            }

            if (parse.GetValue(output) is { } file)
            {
                await File.WriteAllTextAsync(file, text, ct);
                Console.Error.WriteLine($"wrote {Path.GetFullPath(file)}");
            }
            else
            {
                Console.Out.Write(text);
            }

            return ExitCodes.Pass;
        }));
        return command;
    }
}
