using System.CommandLine;
using DrillRunner.Cli.Commands;
using DrillRunner.Cli.Terminal;
using Spectre.Console;

// Logs and CI capture output: do not wrap lines at a guessed 80 columns.
if (Console.IsOutputRedirected)
{
    AnsiConsole.Profile.Width = 240;
}

var root = new RootCommand("DrillRunner: rehearse incidents in staging, restore everything, score the recovery")
{
    CommonOptions.StateDirectory,
};
root.Subcommands.Add(ValidateCommand.Create());
root.Subcommands.Add(RunCommand.Create());
root.Subcommands.Add(EnvCommand.Create());
root.Subcommands.Add(DemoCommand.Create());
root.Subcommands.Add(ReportCommand.Create());
root.Subcommands.Add(RunsCommand.Create());
root.Subcommands.Add(RunsCommand.CreateRecover());
root.Subcommands.Add(SchemaCommand.Create());
root.Subcommands.Add(ServeCommand.Create());
root.Subcommands.Add(ApiKeyCommand.Create());
root.Subcommands.Add(LoadCommand.Create());
root.Subcommands.Add(HaltCommand.Create());
root.Subcommands.Add(WatchdogCommand.Create());

var parse = root.Parse(args);
if (parse.Errors.Count == 0 && GeneratorProcess.ShouldStart(parse.CommandResult.Command.Name))
{
    return await GeneratorProcess.RunChildAsync(args);
}

// Ctrl+C is handled by the commands (abort, then restore); System.CommandLine must not kill the process.
return await parse.InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = null });
