using System.CommandLine;
using DrillRunner.Cli.Terminal;
using DrillRunner.Docker.Import;
using DrillRunner.Drivers;
using DrillRunner.Loading;
using Spectre.Console;

namespace DrillRunner.Cli.Commands;

/// <summary>
/// <c>drill env import --compose PROJECT [-o FILE] [--force]</c>: writes an environment file that adopts a running
/// Docker Compose project. The file is written beside its destination, loaded with the environment loader (so its
/// selectors pass the same rules as a hand-written one) and only then moved into place; an existing file is kept
/// unless <c>--force</c>.
/// </summary>
internal static class EnvImportCommand
{
    public static Command Create()
    {
        var compose = new Option<string>("--compose") { Description = "Name of a running Docker Compose project (docker-compose -p NAME)", Required = true };
        var output = new Option<string?>("--output", "-o") { Description = "File to write (default drills/environments/PROJECT.yaml); its name is the environment's" };
        var force = new Option<bool>("--force") { Description = "Overwrite the file if it exists" };
        var endpoint = new Option<string>("--docker-endpoint")
        {
            Description = "Docker engine to read (default $DOCKER_HOST, else unix:///var/run/docker.sock)",
            DefaultValueFactory = _ => Environment.GetEnvironmentVariable("DOCKER_HOST") is { Length: > 0 } host ? host : "unix:///var/run/docker.sock",
        };
        var command = new Command("import", "Write an environment file for a running Docker Compose project (anchored selectors, endpoints, allowlist 127.0.0.1)")
        {
            compose, output, force, endpoint,
        };
        command.SetAction((parse, cancellationToken) => ErrorPrinter.GuardAsync(async () =>
        {
            var runner = CommonOptions.CreateRunner(parse);
            var project = parse.GetValue(compose)!;
            var file = parse.GetValue(output) ?? Path.Combine(runner.Options.EnvironmentDirectory, project + ".yaml");
            if (File.Exists(file) && !parse.GetValue(force))
            {
                throw new DriverException($"{file} exists; pass --force to overwrite it (nothing was written).");
            }

            var read = await ComposeProjectReader.ReadAsync(parse.GetValue(endpoint)!, project, cancellationToken);
            var name = Path.GetFileNameWithoutExtension(file);
            var text = EnvironmentFileWriter.Write(read, name);
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(file))!);
            var pending = file + ".importing";
            await File.WriteAllTextAsync(pending, text, cancellationToken);
            try
            {
                var spec = EnvironmentLoader.Load(pending, runner.Catalog);
                File.Move(pending, file, parse.GetValue(force));
                AnsiConsole.MarkupLineInterpolated($"Wrote [bold]{file}[/]: environment [bold]{spec.Name}[/], {spec.Services.Count} service(s), {spec.Endpoints.Count} endpoint(s)");
                AnsiConsole.MarkupLineInterpolated($"Next: drill env status {file}; drill env check {file}");
            }
            finally
            {
                File.Delete(pending);
            }

            return ExitCodes.Pass;
        }));
        return command;
    }
}
