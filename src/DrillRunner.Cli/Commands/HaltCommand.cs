using System.CommandLine;
using DrillRunner.Audit;
using DrillRunner.Cli.Terminal;
using DrillRunner.Hosting;
using DrillRunner.Safety;
using Microsoft.Extensions.Configuration;
using Spectre.Console;

namespace DrillRunner.Cli.Commands;

/// <summary>
/// <c>drill halt [--reason ...]</c>, <c>drill halt --release</c>, <c>drill halt --status</c>: the halt-all switch. Here it
/// acts on this machine's state folder (and on a shared PostgreSQL database when the working folder's settings name
/// one); with <c>--server</c> it goes through that server's API (admin key). Audited either way.
/// </summary>
internal static class HaltCommand
{
    public static Command Create()
    {
        var reason = new Option<string?>("--reason") { Description = "Why every drill is halted (shown with every refusal)" };
        var release = new Option<bool>("--release") { Description = "Release the halt: drills may start again" };
        var status = new Option<bool>("--status") { Description = "Only show whether drills are halted" };
        var server = new Option<string?>("--server") { Description = "Halt through a drill server's API (e.g. http://127.0.0.1:5080) instead of here" };
        var apiKey = new Option<string?>("--api-key") { Description = $"Admin API key for --server (default ${RemoteRun.ApiKeyVariable})" };
        var command = new Command("halt", "Halt all drills: every running drill stops and restores, no drill starts until released (exit 0; status: 0 not halted, 4 halted)")
        {
            reason, release, status, server, apiKey,
        };
        command.SetAction((parse, _) => ErrorPrinter.GuardAsync(async () =>
        {
            var action = parse.GetValue(status) ? HaltAction.Status : parse.GetValue(release) ? HaltAction.Release : HaltAction.Halt;
            if (parse.GetValue(server) is { } url)
            {
                return await RemoteHalt.RunAsync(url, parse.GetValue(apiKey), action, parse.GetValue(reason));
            }

            var runner = CommonOptions.CreateRunner(parse);
            var configuration = new ConfigurationBuilder().SetBasePath(Directory.GetCurrentDirectory())
                .AddJsonFile("appsettings.json", optional: true).AddEnvironmentVariables().Build();
            await using var halt = MachineHalt.Open(configuration, runner.Options.StateDirectory, runner.Time);
            return await RunAsync(runner, halt, action, parse.GetValue(reason));
        }));
        return command;
    }

    private static async Task<int> RunAsync(Runner runner, MachineHalt halt, HaltAction action, string? reason)
    {
        var who = $"cli:{Environment.UserName}";
        switch (action)
        {
            case HaltAction.Halt:
                var state = await halt.Switch.HaltAsync(who, string.IsNullOrWhiteSpace(reason) ? null : reason.Trim(), CancellationToken.None);
                await LocalAudit.WriteAsync(runner.Options.StateDirectory, who, "halt", "all", state.Reason, runner.Time);
                AnsiConsole.MarkupLineInterpolated($"[red bold]HALTED[/] {state.Describe()}");
                AnsiConsole.MarkupLineInterpolated($"applies to {halt.Describe}; running drills stop within a second and restore");
                return ExitCodes.Pass;
            case HaltAction.Release:
                var released = await halt.Switch.ReleaseAsync(CancellationToken.None);
                await LocalAudit.WriteAsync(runner.Options.StateDirectory, who, "release-halt", "all", released ? null : "was not halted", runner.Time);
                Console.WriteLine(released ? $"released: drills may run again ({halt.Describe})" : "drills were not halted");
                return ExitCodes.Pass;
            default:
                var current = await halt.Switch.ReadAsync(CancellationToken.None);
                Console.WriteLine(current is null ? $"not halted ({halt.Describe})" : current.Describe());
                return current is null ? ExitCodes.Pass : ExitCodes.Halted;
        }
    }
}

internal enum HaltAction
{
    Halt,
    Release,
    Status,
}
