using System.CommandLine;
using DrillRunner.Cli.Terminal;
using Spectre.Console;

namespace DrillRunner.Cli.Commands;

/// <summary>
/// <c>drill demo</c>: the README's main job. Brings up DemoShop, runs the node-loss drill with live progress,
/// restores, writes the report, and takes the environment down again whatever happened.
/// </summary>
internal static class DemoCommand
{
    public static Command Create()
    {
        var drill = new Option<string>("--drill") { Description = "Drill to run", DefaultValueFactory = _ => Path.Combine("drills", "node-loss.yaml") };
        var keep = new Option<bool>("--keep-up") { Description = "Leave the environment running afterwards" };
        var command = new Command("demo", "Bring up the DemoShop staging environment, run drills/node-loss.yaml, report, and tear down")
        {
            drill, keep, CommonOptions.ReportDirectory, CommonOptions.Driver,
        };
        command.SetAction((parse, _) => ErrorPrinter.GuardAsync(async () =>
        {
            var runner = CommonOptions.CreateRunner(parse, withWatchdog: true);
            var loaded = runner.Loader.Load(parse.GetValue(drill)!);
            using var abort = new AbortSignal(message => AnsiConsole.MarkupLineInterpolated($"[red]{message}[/]"));
            var (driver, why) = await runner.Drivers.SelectAsync(loaded.Environment, parse.GetValue(CommonOptions.Driver), CancellationToken.None);
            await using (driver)
            {
                var progress = new LineWriter(line => AnsiConsole.MarkupLineInterpolated($"  [grey]{line}[/]"));
                AnsiConsole.MarkupLineInterpolated($"[bold]1/3[/] Bringing up [bold]{loaded.Environment.Name}[/] with the {why}");
                try
                {
                    await driver.UpAsync(progress, abort.Token);
                    await EnvCommand.PrintStatusAsync(driver, null, loaded.Environment);
                    AnsiConsole.MarkupLineInterpolated($"[bold]2/3[/] Running drill [bold]{loaded.Spec.Name}[/] (Ctrl+C aborts and restores)");
                    return await RunExecution.RunAsync(runner, loaded, driver, abort.Token);
                }
                finally
                {
                    if (!parse.GetValue(keep))
                    {
                        AnsiConsole.MarkupLineInterpolated($"[bold]3/3[/] Taking {loaded.Environment.Name} down");
                        await driver.DownAsync(progress, CancellationToken.None);
                    }
                }
            }
        }));
        return command;
    }
}
