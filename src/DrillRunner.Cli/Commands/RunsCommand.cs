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
        var giveUp = new Option<string?>("--give-up") { Description = "A restore-failed run to give up on: its unrestored changes are left as they are and no longer retried (needs --reason; audited)" };
        var reason = new Option<string?>("--reason") { Description = "Why the restore is given up, e.g. 'fixed by hand: container recreated'" };
        var command = new Command("recover", "Finish the restore of every run a crashed runner left running, and retry every restore that failed; exit 3 while one still fails")
        {
            giveUp, reason,
        };
        command.SetAction((parse, _) => ErrorPrinter.GuardAsync(async () =>
        {
            var runner = CommonOptions.CreateRunner(parse);
            if (parse.GetValue(giveUp) is { } runId)
            {
                return await GiveUp.RunAsync(runner, runId, parse.GetValue(reason));
            }

            var count = await runner.RecoverAllAsync(new LineWriter(), CancellationToken.None);
            Console.WriteLine(count == 0 ? "nothing to recover" : $"recovered {count} run(s)");
            var failing = (await runner.UnfinishedRunsAsync(CancellationToken.None)).Count(r => r.Status == RunStatus.RestoreFailed);
            if (failing > 0)
            {
                Console.Error.WriteLine($"{failing} run(s) still restore-failed: fix staging, then `drill recover` again, or `drill recover --give-up RUN --reason ...`");
                return ExitCodes.RestoreFailed;
            }

            return ExitCodes.Pass;
        }));
        return command;
    }
}
