using System.CommandLine;
using System.Globalization;
using DrillRunner.Cli.Terminal;
using DrillRunner.Journal;
using Spectre.Console;

namespace DrillRunner.Cli.Commands;

/// <summary><c>drill runs</c>: the journal's runs, newest first. <c>drill recover</c>: finish crashed runs' restores.</summary>
internal static class RunsCommand
{
    public static Command Create()
    {
        var drill = new Option<string?>("--drill") { Description = "Only runs of this drill" };
        var command = new Command("runs", "List recorded runs, newest first") { drill };
        command.SetAction((parse, _) => ErrorPrinter.GuardAsync(async () =>
        {
            var runner = CommonOptions.CreateRunner(parse);
            var table = new Table().AddColumns("run", "drill", "environment", "driver", "status", "verdict", "score", "started (UTC)", "trigger");
            foreach (var r in await runner.Journal.FindRunsAsync(new RunQuery(parse.GetValue(drill)), CancellationToken.None))
            {
                table.AddRow(
                    Markup.Escape(r.Id), Markup.Escape(r.Drill), Markup.Escape(r.Environment), r.Driver, r.Status.ToString(), r.Verdict ?? "-",
                    r.Score?.ToString("0.#", CultureInfo.InvariantCulture) ?? "-", r.StartedAt.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture), Markup.Escape(r.Trigger));
            }

            AnsiConsole.Write(table);
            return ExitCodes.Pass;
        }));
        return command;
    }

    public static Command CreateRecover()
    {
        var command = new Command("recover", "Finish the restore of every run a crashed runner left running");
        command.SetAction((parse, _) => ErrorPrinter.GuardAsync(async () =>
        {
            var runner = CommonOptions.CreateRunner(parse);
            var count = await runner.RecoverAllAsync(new LineProgress(Console.WriteLine), CancellationToken.None);
            Console.WriteLine(count == 0 ? "nothing to recover" : $"recovered {count} run(s)");
            return ExitCodes.Pass;
        }));
        return command;
    }
}
