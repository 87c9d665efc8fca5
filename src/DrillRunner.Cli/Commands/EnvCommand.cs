using System.CommandLine;
using DrillRunner.Cli.Terminal;
using DrillRunner.Drivers;
using Spectre.Console;

namespace DrillRunner.Cli.Commands;

/// <summary><c>drill env up|down|status|check &lt;env&gt;</c> and <c>drill env import --compose PROJECT</c>: manages a staging environment's services.</summary>
internal static class EnvCommand
{
    public static Command Create()
    {
        var command = new Command("env", "Bring a staging environment up or down, or show its status");
        command.Subcommands.Add(Verb("up", "Create and start every service; waits until healthy", (d, p) => d.UpAsync(p, CancellationToken.None)));
        command.Subcommands.Add(Verb("down", "Stop and remove everything 'up' created", (d, p) => d.DownAsync(p, CancellationToken.None)));
        command.Subcommands.Add(Verb("status", "Show every instance's state and health", (d, _) => PrintStatusAsync(d)));
        command.Subcommands.Add(EnvCheckCommand.Create());
        command.Subcommands.Add(EnvImportCommand.Create());
        return command;
    }

    public static async Task PrintStatusAsync(IEnvironmentDriver driver, string? onlyService = null, Model.EnvironmentSpec? environment = null)
    {
        var table = new Table().AddColumns("instance", "service", "state", "health", "endpoint", "pid");
        foreach (var service in environment?.Services.Keys ?? [])
        {
            if (onlyService is not null && service != onlyService)
            {
                continue;
            }

            foreach (var i in await driver.ListInstancesAsync(service, CancellationToken.None))
            {
                table.AddRow(Markup.Escape(i.Id), Markup.Escape(i.Service), i.State.ToString(), i.Health.ToString(), Markup.Escape(i.Endpoint?.ToString() ?? ""), i.ProcessId?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "");
            }
        }

        AnsiConsole.Write(table);
    }

    private static Command Verb(string name, string description, Func<IEnvironmentDriver, IProgress<string>, Task> action)
    {
        var environment = new Argument<string>("environment") { Description = "Environment name (drills/environments/NAME.yaml) or file" };
        var command = new Command(name, description) { environment, CommonOptions.Driver };
        command.SetAction((parse, _) => ErrorPrinter.GuardAsync(async () =>
        {
            var runner = CommonOptions.CreateRunner(parse);
            var spec = runner.LoadEnvironment(parse.GetValue(environment)!);
            var (driver, why) = await runner.Drivers.SelectAsync(spec, parse.GetValue(CommonOptions.Driver), CancellationToken.None);
            await using (driver)
            {
                AnsiConsole.MarkupLineInterpolated($"Environment [bold]{spec.Name}[/]: {why}");
                var progress = new LineWriter(line => AnsiConsole.MarkupLineInterpolated($"  {line}"));
                if (name == "status")
                {
                    await PrintStatusAsync(driver, null, spec);
                }
                else
                {
                    await action(driver, progress);
                    AnsiConsole.MarkupLineInterpolated($"[green]{name} done[/]");
                }
            }

            return ExitCodes.Pass;
        }));
        return command;
    }
}
