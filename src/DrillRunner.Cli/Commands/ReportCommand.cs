using System.CommandLine;
using System.Text.Json;
using DrillRunner.Cli.Terminal;
using DrillRunner.Engine;
using DrillRunner.Reports;
using DrillRunner.Steps;

namespace DrillRunner.Cli.Commands;

/// <summary><c>drill report &lt;run&gt;</c>: renders a stored run again, in any format.</summary>
internal static class ReportCommand
{
    public static Command Create()
    {
        var run = new Argument<string>("run") { Description = "Run id (see 'drill runs')" };
        var format = new Option<string>("--format") { Description = "md or json", DefaultValueFactory = _ => "md" };
        format.AcceptOnlyFromAmong("md", "json");
        var command = new Command("report", "Print a stored run's report") { run, format };
        command.SetAction((parse, _) => ErrorPrinter.GuardAsync(async () =>
        {
            var runner = CommonOptions.CreateRunner(parse);
            var json = await runner.Journal.GetResultJsonAsync(parse.GetValue(run)!, CancellationToken.None);
            if (json is null)
            {
                Console.Error.WriteLine($"error: no finished run '{parse.GetValue(run)}' in {runner.Options.ResolvedJournalPath}");
                return ExitCodes.InvalidInput;
            }

            var result = JsonSerializer.Deserialize<RunResult>(json, JsonDefaults.Options)!;
            Console.WriteLine(parse.GetValue(format) == "json" ? json : MarkdownReport.Render(result));
            return ExitCodes.Pass;
        }));
        return command;
    }
}
