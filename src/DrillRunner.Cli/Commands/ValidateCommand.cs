using System.CommandLine;
using DrillRunner.Cli.Terminal;
using DrillRunner.Hosting;
using DrillRunner.Loading;
using Spectre.Console;

namespace DrillRunner.Cli.Commands;

/// <summary><c>drill validate &lt;files|dirs&gt;</c>: checks drill and environment files, reporting every problem.</summary>
internal static class ValidateCommand
{
    public static Command Create()
    {
        var paths = new Argument<string[]>("paths") { Description = "Drill or environment files, or folders of them", Arity = ArgumentArity.OneOrMore };
        var command = new Command("validate", "Check drill and environment files; exits 2 when any has a problem") { paths };
        command.SetAction(parse => Validate(parse.GetValue(paths)!));
        return command;
    }

    private static int Validate(string[] paths)
    {
        var loader = new DrillLoader(Runner.CreateCatalog());
        var files = paths.SelectMany(Expand).ToList();
        var failed = 0;
        foreach (var file in files)
        {
            try
            {
                if (IsEnvironmentFile(file))
                {
                    EnvironmentLoader.Load(file);
                }
                else
                {
                    loader.Load(file);
                }

                AnsiConsole.MarkupLineInterpolated($"[green]ok[/]    {file}");
            }
            catch (DrillInputException ex)
            {
                failed++;
                foreach (var problem in ex.Problems)
                {
                    Console.Error.WriteLine($"error: {problem}");
                }
            }
        }

        if (files.Count == 0)
        {
            AnsiConsole.MarkupLine("[red]error[/] no .yaml files found in the given paths");
            return ExitCodes.InvalidInput;
        }

        AnsiConsole.MarkupLineInterpolated($"{files.Count - failed} of {files.Count} file(s) valid");
        return failed == 0 ? ExitCodes.Pass : ExitCodes.InvalidInput;
    }

    private static IEnumerable<string> Expand(string path) =>
        Directory.Exists(path)
            ? Directory.EnumerateFiles(path, "*.yaml", SearchOption.AllDirectories).Where(f => !f.Contains($"{Path.DirectorySeparatorChar}schema{Path.DirectorySeparatorChar}", StringComparison.Ordinal)).Order(StringComparer.Ordinal)
            : [path];

    private static bool IsEnvironmentFile(string file) =>
        Path.GetFileName(Path.GetDirectoryName(Path.GetFullPath(file))) == "environments";
}
