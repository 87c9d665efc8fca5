using System.CommandLine;
using DrillRunner.Cli.Terminal;
using DrillRunner.Drivers;
using DrillRunner.Hosting;
using DrillRunner.Model;
using DrillRunner.Model.Risks;
using Spectre.Console;

namespace DrillRunner.Cli.Commands;

/// <summary><c>drill env check &lt;env&gt;</c>: the environment file's reliability risks and the drill that rehearses each.</summary>
internal static class EnvCheckCommand
{
    public static Command Create()
    {
        var environment = new Argument<string>("environment") { Description = "Environment name (drills/environments/NAME.yaml) or file" };
        var command = new Command("check", "List reliability risks (single instance, no health check, no restart policy, no resource limits) and a drill for each; exit 1 when there are any") { environment };
        command.SetAction((parse, cancellationToken) => ErrorPrinter.GuardAsync(async () =>
        {
            var runner = CommonOptions.CreateRunner(parse);
            var spec = runner.LoadEnvironment(parse.GetValue(environment)!);
            var observed = await ReadAdoptedLimitsAsync(runner, spec, cancellationToken);
            var risks = EnvironmentRiskCheck.Check(spec, observed);
            AnsiConsole.MarkupLineInterpolated($"Environment [bold]{spec.Name}[/] ({spec.SourceFile}): {risks.Count} risk(s) in {spec.Services.Count} service(s)");
            if (risks.Count == 0)
            {
                return ExitCodes.Pass;
            }

            var table = new Table().AddColumns("service", "risk", "why", "rehearse with");
            foreach (var risk in risks)
            {
                table.AddRow(Markup.Escape(risk.Service), Markup.Escape(risk.Kind), Markup.Escape(risk.Description), Markup.Escape("drill run " + risk.Drill));
            }

            AnsiConsole.Write(table);
            return ExitCodes.ObjectivesMissed;
        }));
        return command;
    }

    // Adopted services' limits are the engine's, not the file's: read them when their containers run; say when not.
    private static async Task<IReadOnlyDictionary<string, LimitsSpec?>> ReadAdoptedLimitsAsync(Runner runner, EnvironmentSpec spec, CancellationToken cancellationToken)
    {
        var adopted = spec.Services.Values.Where(s => s.Selector is not null).Select(s => s.Name).ToList();
        if (adopted.Count == 0)
        {
            return new Dictionary<string, LimitsSpec?>();
        }

        IReadOnlyDictionary<string, LimitsSpec?> observed;
        try
        {
            var (driver, _) = await runner.Drivers.SelectAsync(spec, null, cancellationToken);
            await using (driver)
            {
                observed = await AdoptedLimits.ReadAsync(driver, spec, cancellationToken);
            }
        }
        catch (DriverException ex)
        {
            observed = new Dictionary<string, LimitsSpec?>();
            AnsiConsole.MarkupLineInterpolated($"[yellow]Limits of adopted services are what the file declares[/]: their containers could not be read ({ex.Message})");
        }

        foreach (var name in adopted.Where(n => !observed.ContainsKey(n)))
        {
            AnsiConsole.MarkupLineInterpolated($"  {name}: no running container; its limits are what the file declares");
        }

        foreach (var name in adopted.Where(observed.ContainsKey))
        {
            AnsiConsole.MarkupLineInterpolated($"  {name}: limits read from its running containers: {Describe(observed[name])}");
        }

        return observed;
    }

    private static string Describe(LimitsSpec? limits) =>
        limits is null ? "none" : string.Join(", ", new[]
        {
            limits.Cpus is { } c ? $"{c.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture)} CPU" : "no CPU limit",
            limits.Memory is { } m ? $"{m} memory" : "no memory limit",
        });
}
