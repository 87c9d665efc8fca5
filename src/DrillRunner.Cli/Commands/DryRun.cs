using DrillRunner.Cli.Terminal;
using DrillRunner.Drivers;
using DrillRunner.Guardrails;
using DrillRunner.Hosting;
using DrillRunner.Loading;
using DrillRunner.Units;
using Spectre.Console;

namespace DrillRunner.Cli.Commands;

/// <summary>
/// The resolved plan of a drill, changing nothing: the same guardrail check the engine runs (with the driver this run
/// would use), then each step with the instances it would pick from.
/// </summary>
internal static class DryRun
{
    public static async Task<int> PrintAsync(Runner runner, LoadedDrill drill, string? driverName)
    {
        AnsiConsole.MarkupLineInterpolated($"[bold]Plan for drill {drill.Spec.Name}[/] on environment {drill.Environment.Name} ({drill.Environment.SourceFile})");
        var (driver, why) = await runner.Drivers.SelectAsync(drill.Environment, driverName, CancellationToken.None);
        await using (driver)
        {
            AnsiConsole.MarkupLineInterpolated($"Driver: {why}");
            var guardrails = GuardrailCheck.Run(drill, runner.Catalog, driver);
            AnsiConsole.MarkupLineInterpolated($"Guardrails held: [green]{string.Join(", ", guardrails.Held)}[/]");
            guardrails.ThrowIfAny();
            await driver.ThrowIfClaimedElsewhereAsync(CancellationToken.None);
            var table = new Table().AddColumns("at", "step", "kind", "what", "duration", "would hit");
            foreach (var step in drill.Steps)
            {
                var instances = await TargetPreview.DescribeAsync(driver, step.Options, CancellationToken.None);
                table.AddRow(
                    Markup.Escape("+" + DurationParser.Format(step.Options.At)),
                    Markup.Escape(step.Label),
                    step.Step.IsFault ? "fault" : "action",
                    Markup.Escape(step.Step.Describe()),
                    Markup.Escape(step.Options.Duration is { } d ? DurationParser.Format(d) : step.Step.IsFault ? "until restore" : "-"),
                    Markup.Escape(instances));
            }

            AnsiConsole.Write(table);
        }

        AnsiConsole.MarkupLineInterpolated($"Probes: {string.Join(", ", drill.Probes.Select(p => $"{p.Name} every {DurationParser.Format(p.Interval)}"))}");
        AnsiConsole.MarkupLineInterpolated($"Objectives: {string.Join(", ", drill.Objectives.Select(o => $"{o.Objective.Kind} (weight {o.Weight})"))}");
        AnsiConsole.MarkupLine("Dry run: nothing was changed.");
        return ExitCodes.Pass;
    }
}
