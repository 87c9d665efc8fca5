using DrillRunner.Cli.Terminal;
using DrillRunner.Hosting;
using DrillRunner.Loading;
using DrillRunner.Units;
using Spectre.Console;

namespace DrillRunner.Cli.Commands;

/// <summary>The resolved plan of a drill, with the instances each step could hit, changing nothing.</summary>
internal static class DryRun
{
    public static async Task<int> PrintAsync(Runner runner, LoadedDrill drill, string? driverName)
    {
        AnsiConsole.MarkupLineInterpolated($"[bold]Plan for drill {drill.Spec.Name}[/] on environment {drill.Environment.Name} ({drill.Environment.SourceFile})");
        AnsiConsole.MarkupLine("Guardrails: [green]environment not protected, probe targets allowlisted, blast radius within limits[/]");
        var (driver, why) = await runner.Drivers.SelectAsync(drill.Environment, driverName, CancellationToken.None);
        await using (driver)
        {
            AnsiConsole.MarkupLineInterpolated($"Driver: {why}");
            var table = new Table().AddColumns("at", "step", "kind", "what", "duration", "service instances now");
            foreach (var step in drill.Steps)
            {
                var service = step.Options.GetType().GetProperty("Service")?.GetValue(step.Options) as string;
                var instances = service is null ? "" : string.Join(", ", (await driver.ListInstancesAsync(service, CancellationToken.None)).Select(i => $"{i.Id} ({i.State})"));
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
