using System.CommandLine;
using DrillRunner.Cli.Terminal;
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
        command.SetAction((parse, _) => ErrorPrinter.GuardAsync(() =>
        {
            var runner = CommonOptions.CreateRunner(parse);
            var spec = runner.LoadEnvironment(parse.GetValue(environment)!);
            var risks = EnvironmentRiskCheck.Check(spec);
            AnsiConsole.MarkupLineInterpolated($"Environment [bold]{spec.Name}[/] ({spec.SourceFile}): {risks.Count} risk(s) in {spec.Services.Count} service(s)");
            if (risks.Count == 0)
            {
                return Task.FromResult(ExitCodes.Pass);
            }

            var table = new Table().AddColumns("service", "risk", "why", "rehearse with");
            foreach (var risk in risks)
            {
                table.AddRow(Markup.Escape(risk.Service), Markup.Escape(risk.Kind), Markup.Escape(risk.Description), Markup.Escape("drill run " + risk.Drill));
            }

            AnsiConsole.Write(table);
            return Task.FromResult(ExitCodes.ObjectivesMissed);
        }));
        return command;
    }
}
