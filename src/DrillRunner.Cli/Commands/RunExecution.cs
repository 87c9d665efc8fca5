using DrillRunner.Cli.Terminal;
using DrillRunner.Drivers;
using DrillRunner.Engine;
using DrillRunner.Hosting;
using DrillRunner.Journal;
using DrillRunner.Loading;
using DrillRunner.Reports;
using DrillRunner.Scoring;
using Spectre.Console;

namespace DrillRunner.Cli.Commands;

/// <summary>Runs one loaded drill with live progress, writes its reports and maps the outcome to an exit code.</summary>
internal static class RunExecution
{
    public static async Task<int> RunAsync(Runner runner, LoadedDrill drill, IEnvironmentDriver driver, CancellationToken abort)
    {
        var view = new ProgressView(runner.Time);
        var request = new RunRequest
        {
            Trigger = $"cli:{Environment.UserName}",
            Progress = view,
            Events = view,
            Operator = new ConsoleOperator(),
        };
        var result = await view.ShowAsync(() => runner.Engine.RunAsync(drill, driver, request, abort));
        var files = await ReportFiles.WriteAsync(result, runner.Options.ReportDirectory, CancellationToken.None);
        PrintOutcome(result, files);
        return ExitCode(result);
    }

    public static int ExitCode(RunResult result) => result.Status switch
    {
        RunStatus.RestoreFailed => ExitCodes.RestoreFailed,
        RunStatus.NotStarted or RunStatus.Errored => ExitCodes.InvalidInput,
        _ when result.Score?.Verdict == Verdict.Pass => ExitCodes.Pass,
        _ => ExitCodes.ObjectivesMissed,
    };

    private static void PrintOutcome(RunResult result, IReadOnlyList<string> files)
    {
        AnsiConsole.WriteLine();
        if (result.Score is { } score)
        {
            var colour = score.Verdict == Verdict.Pass ? "green" : "red";
            AnsiConsole.MarkupLineInterpolated($"[{colour} bold]{score.Verdict.ToString().ToUpperInvariant()}[/] score {score.Value:0.#}/100 ({score.Band}) — run {result.RunId} {result.Status.ToString().ToLowerInvariant()}");
            foreach (var o in score.Objectives)
            {
                AnsiConsole.Markup(o.Met ? "  [green]met   [/] " : "  [red]missed[/] ");
                AnsiConsole.MarkupLineInterpolated($"{o.Kind,-14} target {ObjectiveText.Target(o),-10} achieved {ObjectiveText.Achieved(o)}");
            }

            foreach (var problem in score.ValidityProblems)
            {
                AnsiConsole.MarkupLineInterpolated($"  [yellow]validity[/] {problem}");
            }
        }
        else
        {
            AnsiConsole.MarkupLineInterpolated($"[red bold]{MarkdownReport.StatusWord(result.Status)}[/] {result.Reason}");
        }

        foreach (var file in files)
        {
            AnsiConsole.MarkupLineInterpolated($"report: {file}");
        }
    }
}
