using System.CommandLine;
using DrillRunner.Cli.Terminal;
using DrillRunner.Hosting.Watchdog;

namespace DrillRunner.Cli.Commands;

/// <summary>
/// <c>drill watchdog RUN</c> (hidden): the dead-man's switch of one run, started by the runner in a session of its
/// own; see <see cref="WatchdogLoop"/>. Its output goes to <c>{state}/watchdog/RUN.log</c>.
/// </summary>
internal static class WatchdogCommand
{
    public const string Name = "watchdog";

    public static Command Create()
    {
        var run = new Argument<string>("run") { Description = "The run to watch" };
        var command = new Command(Name, "Watch one run's runner and restore the run if the runner dies or hangs (started by drill run and drill serve)")
        {
            run,
        };
        command.Hidden = true;
        command.SetAction(async (parse, _) =>
        {
            var runner = CommonOptions.CreateRunner(parse);
            var log = new LineWriter(line => $"{runner.Time.GetUtcNow():yyyy-MM-dd HH:mm:ss.fff} {line}");
            return await new WatchdogLoop(runner, parse.GetValue(run)!, log).RunAsync(CancellationToken.None);
        });
        return command;
    }
}
