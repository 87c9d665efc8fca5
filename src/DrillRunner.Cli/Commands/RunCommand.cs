using System.CommandLine;
using DrillRunner.Cli.Terminal;
using DrillRunner.Loading;
using Spectre.Console;

namespace DrillRunner.Cli.Commands;

/// <summary><c>drill run &lt;drill&gt;</c>: runs a drill against its (already up) environment.</summary>
internal static class RunCommand
{
    public static Command Create()
    {
        var drill = new Argument<string>("drill") { Description = "The drill file, e.g. drills/node-loss.yaml" };
        var dryRun = new Option<bool>("--dry-run") { Description = "Print the resolved plan and guardrail checks; touch nothing" };
        var server = new Option<string?>("--server") { Description = "Run on a drill server (e.g. http://127.0.0.1:5080) instead of here; the drill is named by its name" };
        var environment = new Option<string?>("--environment", "-e")
        {
            Description = "Run against this environment (a name in the drill's environments folder, or a file) instead of the one the drill names",
        };
        var apiKey = new Option<string?>("--api-key") { Description = $"API key for --server (default ${RemoteRun.ApiKeyVariable})" };
        var command = new Command("run", "Run a drill: inject, restore, score, report. Exit 0 pass, 1 objectives missed, 2 invalid input or environment error, 3 restore failed")
        {
            drill, dryRun, environment, CommonOptions.ReportDirectory, CommonOptions.Driver, server, apiKey,
        };
        command.SetAction((parse, _) => ErrorPrinter.GuardAsync(async () =>
        {
            if (parse.GetValue(server) is { } url)
            {
                using var remoteAbort = new AbortSignal(message => AnsiConsole.MarkupLineInterpolated($"[red]{message}[/]"));
                return await RemoteRun.RunAsync(url, parse.GetValue(apiKey), parse.GetValue(drill)!, parse.GetValue(CommonOptions.ReportDirectory)!, remoteAbort.Token);
            }

            var runner = CommonOptions.CreateRunner(parse, withWatchdog: true);
            var drillFile = parse.GetValue(drill)!;
            var loaded = runner.Loader.Load(drillFile, parse.GetValue(environment) is { } other ? DrillLoader.ExpectedEnvironmentPath(drillFile, other) : null);
            if (parse.GetValue(dryRun))
            {
                return await DryRun.PrintAsync(runner, loaded, parse.GetValue(CommonOptions.Driver));
            }

            using var abort = new AbortSignal(message => AnsiConsole.MarkupLineInterpolated($"[red]{message}[/]"));
            var (driver, why) = await runner.Drivers.SelectAsync(loaded.Environment, parse.GetValue(CommonOptions.Driver), CancellationToken.None);
            await using (driver)
            {
                AnsiConsole.MarkupLineInterpolated($"Drill [bold]{loaded.Spec.Name}[/] on [bold]{loaded.Environment.Name}[/] using the {why}");
                return await RunExecution.RunAsync(runner, loaded, driver, abort.Token);
            }
        }));
        return command;
    }
}
