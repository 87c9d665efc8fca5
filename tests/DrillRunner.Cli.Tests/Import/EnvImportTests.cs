using DrillRunner.Docker.Import;
using DrillRunner.Loading;
using DrillRunner.Model;
using DrillRunner.Testing;
using DrillRunner.Testing.Drivers;

namespace DrillRunner.Cli.Tests.Import;

/// <summary>
/// <c>drill env import --compose</c> against a real Compose project (Debian's docker-compose, a locally built image,
/// ports on 127.0.0.1 only): the file it writes loads, adopts exactly the project's containers and is seen by
/// <c>env status</c> and <c>env check</c>; bad input writes nothing.
/// </summary>
public sealed class EnvImportTests : IDisposable
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(2);
    private readonly TempFolder _workspace = new();

    public void Dispose() => _workspace.Dispose();

    [DockerFact]
    public async Task Import_writes_an_environment_that_adopts_the_running_project_and_sees_its_containers()
    {
        var image = await ComposeImage.BuildAsync();
        var port = FreePorts.FindRange(1);
        await using var project = await ComposeProjectFixture.UpAsync("drimport", $$"""
            version: "3"
            services:
              web:
                image: {{image}}
                {{ComposeImage.ShopEnvironment}}
                ports: ["127.0.0.1:{{port}}:8080"]
                restart: always
              worker:
                image: {{image}}
                {{ComposeImage.ShopEnvironment}}
            """);
        var file = Path.Combine(_workspace.Path, "drills", "environments", "imported.yaml");

        var (code, output) = await DrillProcess.RunAsync(_workspace.Path, Limit, "env", "import", "--compose", project.Name, "-o", file);

        Assert.True(code == 0, output);
        var spec = EnvironmentLoader.Load(file);
        Assert.Equal("imported", spec.Name);
        Assert.Equal(["127.0.0.1"], spec.Allowlist);
        Assert.Equal(new Uri($"http://127.0.0.1:{port}"), new Uri(spec.Endpoints["web"]));
        Assert.False(spec.Endpoints.ContainsKey("worker"));
        foreach (var service in new[] { "web", "worker" })
        {
            var selector = spec.Services[service].Selector!;
            Assert.Equal($"com.docker.compose.service={service}", selector.Label);
            Assert.Equal($"^{project.Name}[-_]{service}[-_][0-9]+$", selector.NamePattern);
            Assert.Empty(SelectorRules.Problems(selector));
        }

        Assert.NotNull(spec.Services["web"].Supervisor);   // restart: always
        Assert.Null(spec.Services["worker"].Supervisor);

        var status = await DrillProcess.RunAsync(_workspace.Path, Limit, "env", "status", file);
        Assert.True(status.ExitCode == 0, status.Output);
        Assert.Contains($"{project.Name}_web_1", status.Output, StringComparison.Ordinal);
        Assert.Contains($"{project.Name}_worker_1", status.Output, StringComparison.Ordinal);
        Assert.Contains($"http://127.0.0.1:{port}/", status.Output, StringComparison.Ordinal);
        Assert.Equal(2, status.Output.Split("Running").Length - 1);

        var check = await DrillProcess.RunAsync(_workspace.Path, Limit, "env", "check", file);
        Assert.Equal(1, check.ExitCode);
        Assert.Matches(@"worker\s*│\s*no-restart-policy", check.Output);
        Assert.DoesNotMatch(@"web\s*│\s*no-restart-policy", check.Output);

        // An existing file is kept without --force, and replaced with it.
        var before = await File.ReadAllTextAsync(file);
        await File.WriteAllTextAsync(file, before + "# edited by hand\n");
        var again = await DrillProcess.RunAsync(_workspace.Path, Limit, "env", "import", "--compose", project.Name, "-o", file);
        Assert.Equal(2, again.ExitCode);
        Assert.Contains("--force", again.Output, StringComparison.Ordinal);
        Assert.EndsWith("# edited by hand\n", await File.ReadAllTextAsync(file), StringComparison.Ordinal);
        var forced = await DrillProcess.RunAsync(_workspace.Path, Limit, "env", "import", "--compose", project.Name, "-o", file, "--force");
        Assert.True(forced.ExitCode == 0, forced.Output);
        Assert.Equal(before, await File.ReadAllTextAsync(file));
    }

    [DockerFact]
    public async Task An_unknown_project_and_one_without_published_ports_are_refused_and_write_no_file()
    {
        var image = await ComposeImage.BuildAsync();
        await using var project = await ComposeProjectFixture.UpAsync("drimportnp", $$"""
            version: "3"
            services:
              worker:
                image: {{image}}
                {{ComposeImage.ShopEnvironment}}
            """);
        var folder = Path.Combine(_workspace.Path, "drills", "environments");

        var unknown = await DrillProcess.RunAsync(_workspace.Path, Limit, "env", "import", "--compose", "drimport-none-" + Guid.NewGuid().ToString("N")[..8]);
        Assert.Equal(2, unknown.ExitCode);
        Assert.Contains("has no running container", unknown.Output, StringComparison.Ordinal);

        var noPorts = await DrillProcess.RunAsync(_workspace.Path, Limit, "env", "import", "--compose", project.Name);
        Assert.Equal(2, noPorts.ExitCode);
        Assert.Contains($"'{project.Name}' publishes no port", noPorts.Output, StringComparison.Ordinal);

        Assert.False(Directory.Exists(folder) && Directory.EnumerateFileSystemEntries(folder).Any(), "no file may be written");
    }

    [DockerFact]
    public async Task Import_writes_the_containers_limits_so_a_limited_service_shows_no_limit_risk()
    {
        var image = await ComposeImage.BuildAsync();
        var port = FreePorts.FindRange(1);
        await using var project = await ComposeProjectFixture.UpAsync("drimportlim", $$"""
            version: "2.4"
            services:
              web:
                image: {{image}}
                {{ComposeImage.ShopEnvironment}}
                ports: ["127.0.0.1:{{port}}:8080"]
                cpus: 0.5
                mem_limit: 256m
              worker:
                image: {{image}}
                {{ComposeImage.ShopEnvironment}}
                mem_limit: 200000000
            """);
        var file = Path.Combine(_workspace.Path, "drills", "environments", "limited.yaml");

        var (code, output) = await DrillProcess.RunAsync(_workspace.Path, Limit, "env", "import", "--compose", project.Name, "-o", file);

        Assert.True(code == 0, output);
        var spec = EnvironmentLoader.Load(file);
        Assert.Equal(0.5, spec.Services["web"].Limits!.Cpus);
        Assert.Equal(256L << 20, spec.Services["web"].Limits!.Memory!.Value.Bytes);
        Assert.Null(spec.Services["worker"].Limits!.Cpus);
        Assert.Equal(200_000_000, spec.Services["worker"].Limits!.Memory!.Value.Bytes); // exact, not rounded to 200MB

        var check = await DrillProcess.RunAsync(_workspace.Path, Limit, "env", "check", file);
        Assert.Equal(1, check.ExitCode);
        Assert.Contains("web: limits read from its running containers: 0.5 CPU, 256MiB memory", check.Output, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"web\s*│\s*no-resource-limits", check.Output);
        Assert.Matches(@"worker\s*│\s*no-resource-limits\s*│\s*no CPU limit \(memory is limited\)", check.Output);
    }

    [Fact]
    public void A_written_insecure_or_tls_engine_loads_with_the_same_docker_settings()
    {
        var certs = Path.Combine(_workspace.Path, "certs");
        Directory.CreateDirectory(certs);
        foreach (var pem in new[] { "ca.pem", "cert.pem", "key.pem" })
        {
            File.WriteAllText(Path.Combine(certs, pem), "");
        }

        var services = new[] { new ComposeService("web", ["p_web_1"], 18555, false, null, false, 1.25, 64L << 20) };
        var insecure = _workspace.Write("insecure.yaml", EnvironmentFileWriter.Write(new ComposeProject("p", new DockerEndpointSpec { Endpoint = "tcp://127.0.0.1:2375", Insecure = true }, services), "insecure"));
        var tls = _workspace.Write("tls.yaml", EnvironmentFileWriter.Write(new ComposeProject("p", new DockerEndpointSpec { Endpoint = "tcp://127.0.0.1:2376", TlsCertPath = certs }, services), "tls"));

        var a = EnvironmentLoader.Load(insecure);
        var b = EnvironmentLoader.Load(tls);

        Assert.Equal(("tcp://127.0.0.1:2375", true, null), (a.Docker.Endpoint, a.Docker.Insecure, a.Docker.TlsCertPath));
        Assert.Equal(("tcp://127.0.0.1:2376", false, certs), (b.Docker.Endpoint, b.Docker.Insecure, b.Docker.TlsCertPath));
        Assert.Equal(1.25, a.Services["web"].Limits!.Cpus);
        Assert.Equal(64L << 20, a.Services["web"].Limits!.Memory!.Value.Bytes);
    }

    [Theory]
    [InlineData(new[] { "CMD-SHELL", "curl -f http://localhost:8080/health || exit 1" }, "/health")]
    [InlineData(new[] { "CMD", "wget", "-qO-", "http://127.0.0.1:80/ready?deep=1" }, "/ready?deep=1")]
    [InlineData(new[] { "CMD", "curl", "-f", "http://127.0.0.1:8080" }, "/")]
    [InlineData(new[] { "CMD", "pg_isready" }, null)]
    public void The_health_path_is_read_from_a_Docker_health_check_that_calls_a_url(string[] test, string? expected) =>
        Assert.Equal(expected, ComposeProjectReader.HealthPathOf(test));
}
