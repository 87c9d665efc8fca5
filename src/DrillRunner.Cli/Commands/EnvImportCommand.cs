using System.CommandLine;
using DrillRunner.Cli.Terminal;
using DrillRunner.Docker.Import;
using DrillRunner.Drivers;
using DrillRunner.Loading;
using DrillRunner.Model;
using Spectre.Console;

namespace DrillRunner.Cli.Commands;

/// <summary>
/// <c>drill env import --compose PROJECT [-o FILE] [--force] [--docker-endpoint URL [--tls-cert-path DIR | --insecure]]</c>: writes an environment file that adopts a running
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
        var tlsCertPath = new Option<string?>("--tls-cert-path")
        {
            Description = "Folder with ca.pem, cert.pem, key.pem for a tcp:// engine with TLS (default $DOCKER_CERT_PATH when $DOCKER_TLS_VERIFY is set); written as docker.tlsCertPath",
            DefaultValueFactory = _ => Environment.GetEnvironmentVariable("DOCKER_TLS_VERIFY") is { Length: > 0 } && Environment.GetEnvironmentVariable("DOCKER_CERT_PATH") is { Length: > 0 } certs ? certs : null,
        };
        var insecure = new Option<bool>("--insecure") { Description = "Accept a tcp:// engine without TLS (anyone on its network can drive it); written as docker.insecure: true" };
        var command = new Command("import", "Write an environment file for a running Docker Compose project (anchored selectors, endpoints, limits, allowlist 127.0.0.1)")
        {
            compose, output, force, endpoint, tlsCertPath, insecure,
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

            var engine = Engine(parse.GetValue(endpoint)!, parse.GetValue(tlsCertPath), parse.GetValue(insecure));
            var read = await ComposeProjectReader.ReadAsync(engine, project, cancellationToken);
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

    // The same rules as the environment file's docker: block (tcp:// needs TLS or --insecure), checked before connecting.
    private static DockerEndpointSpec Engine(string endpoint, string? certs, bool insecure)
    {
        var engine = new DockerEndpointSpec
        {
            Endpoint = endpoint,
            TlsCertPath = string.IsNullOrEmpty(certs) ? null : Path.GetFullPath(certs),
            Insecure = insecure,
        };
        var problems = DockerEndpointCheck.Problems(engine);
        return problems.Count == 0
            ? engine
            : throw new DriverException(string.Join("; ", problems.Select(p => p.Replace("docker.endpoint", "--docker-endpoint", StringComparison.Ordinal).Replace("docker.tlsCertPath", "--tls-cert-path", StringComparison.Ordinal).Replace("docker.insecure: true", "--insecure", StringComparison.Ordinal).Replace("docker.insecure", "--insecure", StringComparison.Ordinal))) + " (nothing was written).");
    }
}
