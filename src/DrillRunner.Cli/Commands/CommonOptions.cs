using System.CommandLine;
using DrillRunner.Hosting;
using DrillRunner.Hosting.Watchdog;

namespace DrillRunner.Cli.Commands;

/// <summary>Options several commands share, and the runner they configure.</summary>
internal static class CommonOptions
{
    public static readonly Option<string?> StateDirectory = new("--state-dir")
    {
        Description = $"Folder for the journal, locks and local-driver state (default .drillrunner, or ${RunnerOptions.StateEnvironmentVariable})",
        Recursive = true,
    };

    public static readonly Option<string> ReportDirectory = new("--report-dir")
    {
        Description = "Folder the reports are written to (one sub-folder per run)",
        DefaultValueFactory = _ => "reports",
    };

    public static readonly Option<string?> Driver = new("--driver")
    {
        Description = "docker or local; default: the environment file's choice, auto = docker when an engine answers",
    };

    /// <summary>The runner of a command; <paramref name="withWatchdog"/> for commands that run drills (a watchdog process per run).</summary>
    public static Runner CreateRunner(ParseResult parse, bool withWatchdog = false)
    {
        var state = parse.GetValue(StateDirectory);
        var options = new RunnerOptions
        {
            StateDirectory = state ?? new RunnerOptions().StateDirectory,
            ReportDirectory = parse.GetResult(ReportDirectory) is null ? "reports" : parse.GetValue(ReportDirectory)!,
            Watchdog = withWatchdog ? WatchdogLaunch.ForThisProgram(WatchdogCommand.Name) : null,
        };
        return new Runner(options, TimeProvider.System);
    }
}
