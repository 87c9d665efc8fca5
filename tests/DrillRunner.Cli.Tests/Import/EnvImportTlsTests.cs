using DrillRunner.Docker.Tests.Remote;
using DrillRunner.Loading;
using DrillRunner.Testing;
using DrillRunner.Testing.Drivers;

namespace DrillRunner.Cli.Tests.Import;

/// <summary>
/// <c>drill env import</c> of a Compose project on a staging engine reached over <c>tcp://</c> with TLS (a second
/// dockerd the test starts, certificates it generates): the options go into the file's <c>docker:</c> block, and the
/// file loads and reaches the same engine; without TLS or <c>--insecure</c> nothing is written.
/// </summary>
public sealed class EnvImportTlsTests(SecondDockerDaemon daemon) : IClassFixture<SecondDockerDaemon>, IDisposable
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(2);
    private readonly TempFolder _workspace = new();

    public void Dispose() => _workspace.Dispose();

    [DockerFact]
    public async Task Import_over_tls_writes_the_engine_and_its_certificates_into_a_file_that_reaches_it()
    {
        var image = await ComposeImage.BuildAsync();
        await daemon.LoadImageAsync(image);
        var port = FreePorts.FindRange(1);
        await using var project = await ComposeProjectFixture.UpAsync("drimporttls", $$"""
            version: "2.4"
            services:
              web:
                image: {{image}}
                {{ComposeImage.ShopEnvironment}}
                ports: ["127.0.0.1:{{port}}:8080"]
                cpus: 0.5
                mem_limit: 128m
            """, $"unix://{daemon.Socket}");
        var file = Path.Combine(_workspace.Path, "drills", "environments", "remote.yaml");

        var refused = await DrillProcess.RunAsync(_workspace.Path, Limit, "env", "import", "--compose", project.Name, "-o", file, "--docker-endpoint", daemon.Endpoint);
        Assert.Equal(2, refused.ExitCode);
        Assert.Contains("--tls-cert-path", refused.Output, StringComparison.Ordinal);
        Assert.Contains("--insecure", refused.Output, StringComparison.Ordinal);
        Assert.False(File.Exists(file), "a refused import writes no file");

        var (code, output) = await DrillProcess.RunAsync(_workspace.Path, Limit, "env", "import", "--compose", project.Name, "-o", file,
            "--docker-endpoint", daemon.Endpoint, "--tls-cert-path", daemon.CertFolder);

        Assert.True(code == 0, output + daemon.Log);
        var spec = EnvironmentLoader.Load(file);
        Assert.Equal(daemon.Endpoint, spec.Docker.Endpoint);
        Assert.Equal(daemon.CertFolder, spec.Docker.TlsCertPath);
        Assert.False(spec.Docker.Insecure);
        Assert.Equal(0.5, spec.Services["web"].Limits!.Cpus);
        Assert.Equal(128L << 20, spec.Services["web"].Limits!.Memory!.Value.Bytes);

        // The written file drives the same engine: its containers are seen there, not on the shared one.
        var status = await DrillProcess.RunAsync(_workspace.Path, Limit, "env", "status", file);
        Assert.True(status.ExitCode == 0, status.Output);
        Assert.Contains($"{project.Name}_web_1", status.Output, StringComparison.Ordinal);
        Assert.Contains("Running", status.Output, StringComparison.Ordinal);
    }
}
