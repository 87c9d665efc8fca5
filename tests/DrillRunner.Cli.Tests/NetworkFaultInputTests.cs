using DrillRunner.Hosting;
using DrillRunner.Loading;

namespace DrillRunner.Cli.Tests;

/// <summary>
/// Bad network and resource faults are refused when the drill loads, with file, line and field, before anything
/// starts: out-of-range values, names the environment lacks, host storage, and drivers or network modes that cannot
/// perform the fault.
/// </summary>
public sealed class NetworkFaultInputTests : IDisposable
{
    private readonly DemoWorkspace _workspace = new();

    public void Dispose() => _workspace.Dispose();

    [Theory]
    [InlineData("{ kind: network-delay, at: 1s, service: app, delay: 90s }", 7, "steps[0].delay", "must be between 1ms and 60s")]
    [InlineData("{ kind: network-delay, at: 1s, service: app, delay: 100ms, jitter: 200ms }", 7, "steps.jitter", "200ms is more than the delay (100ms)")]
    [InlineData("{ kind: network-loss, at: 1s, service: app, loss: 120% }", 7, "steps[0].loss", "'120%' is not a percentage")]
    [InlineData("{ kind: network-partition, at: 1s, service: app, peer: lbb }", 7, "steps.peer", "environment 'demo-shop' has no service 'lbb' (did you mean 'lb'?)")]
    [InlineData("{ kind: network-bandwidth, at: 1s, service: app, rate: 0kbit }", 7, "steps[0].rate", "must be between 8kbit and 100gbit")]
    [InlineData("{ kind: disk-fill, at: 1s, service: app, path: /var/cache/shop, level: 99% }", 7, "steps[0].level", "must be between 1% and 95%")]
    [InlineData("{ kind: disk-fill, at: 1s, service: app, path: /tmp, level: 50% }", 7, "steps.path", "/tmp is not on a tmpfs mount of service 'app' (it has /var/cache/shop")]
    [InlineData("{ kind: memory-limit, at: 1s, service: app, limit: 1MiB }", 7, "steps[0].limit", "must be between 6MiB and 1TiB")]
    [InlineData("{ kind: cpu-limit, at: 1s, service: app, cpus: 0 }", 7, "steps[0].cpus", "must be between 0.01 and 64")]
    public void A_fault_out_of_bounds_is_refused_at_load_with_its_line_and_field(string step, int line, string field, string message)
    {
        var problem = Assert.Single(Load(step).Problems, p => p.Field == field);

        Assert.Equal(line, problem.Location.Line);
        Assert.Contains(message, problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("network-delay", "delay: 100ms")]
    [InlineData("network-partition", "peer: lb")]
    [InlineData("disk-fill", "path: /var/cache/shop, level: 50%")]
    public void A_docker_fault_on_an_environment_using_the_local_driver_is_refused_naming_both_drivers(string kind, string fields)
    {
        var problem = Assert.Single(Load($"{{ kind: {kind}, at: 1s, service: app, {fields} }}", driver: "local").Problems);

        Assert.Equal((7, "kind"), (problem.Location.Line, problem.Field));
        Assert.StartsWith($"'{kind}' needs the docker driver (", problem.Message, StringComparison.Ordinal);
        Assert.EndsWith("environment 'demo-shop' uses local", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_network_fault_on_docker_host_networking_is_refused_saying_why_and_what_to_use()
    {
        var problem = Assert.Single(Load("{ kind: network-loss, at: 1s, service: app, loss: 10% }", driver: "docker", network: "host").Problems);

        Assert.Equal("kind", problem.Field);
        Assert.Contains("environment 'demo-shop' runs its containers on host networking (docker.network: host)", problem.Message, StringComparison.Ordinal);
        Assert.EndsWith("use docker.network: bridge", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_network_fault_on_host_networking_with_driver_auto_says_why_docker_cannot()
    {
        var problem = Assert.Single(Load("{ kind: network-delay, at: 1s, service: app, delay: 100ms }", driver: "auto", network: "host").Problems);

        Assert.Equal("kind", problem.Field);
        Assert.Contains("which no driver can do on environment 'demo-shop' (docker: environment 'demo-shop' runs its containers on host networking", problem.Message, StringComparison.Ordinal);
        Assert.EndsWith("use docker.network: bridge)", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_same_faults_load_on_the_demo_environment_on_a_bridge()
    {
        var drill = new DrillLoader(Runner.CreateCatalog()).Load(Write("""
              - { kind: network-delay, at: 1s, service: app, delay: 100ms, jitter: 10ms, port: 18081 }
              - { kind: network-loss, at: 1s, service: app, loss: 10%, direction: both }
              - { kind: network-bandwidth, at: 1s, service: app, rate: 1MB/s }
              - { kind: network-partition, at: 1s, service: app, peer: lb }
              - { kind: cpu-limit, at: 1s, service: app, cpus: 0.5 }
              - { kind: memory-limit, at: 1s, service: app, limit: 256MiB }
              - { kind: disk-fill, at: 1s, service: app, path: /var/cache/shop/tmp, level: 90% }
            """, driver: "docker"));

        Assert.Equal(7, drill.Steps.Count);
        Assert.Equal("delay 100ms ±10ms on 1 of app", drill.Steps[0].Step.Describe());
    }

    [Fact]
    public async Task Validate_prints_the_file_line_and_the_driver_that_could_run_a_network_fault_on_local()
    {
        var file = Write("{ kind: network-delay, at: 1s, service: app, delay: 100ms }", driver: "local");

        var (code, output) = await DrillProcess.RunAsync(_workspace.Path, TimeSpan.FromMinutes(2), "validate", file);

        Assert.Equal(2, code);
        Assert.Contains("drills/faults.yaml:7:5: kind: 'network-delay' needs the docker driver (network shaping", output, StringComparison.Ordinal);
        Assert.Contains("environment 'demo-shop' uses local", output, StringComparison.Ordinal);
    }

    private DrillInputException Load(string step, string driver = "auto", string network = "bridge") =>
        Assert.Throws<DrillInputException>(() => new DrillLoader(Runner.CreateCatalog()).Load(Write(step, driver, network)));

    private string Write(string steps, string driver = "auto", string network = "bridge")
    {
        var environment = Path.Combine(_workspace.Path, "drills/environments/demo-shop.yaml");
        File.WriteAllText(environment, File.ReadAllText(environment)
            .Replace("driver: auto", $"driver: {driver}", StringComparison.Ordinal)
            .Replace("network: bridge", $"network: {network}", StringComparison.Ordinal));
        return _workspace.Write("drills/faults.yaml", $"""
            name: faults
            environment: demo-shop
            preflight: {"{"} window: 1s {"}"}
            probes:
              - {"{"} name: health, kind: http, url: "${"{"}endpoints.shop{"}"}/health", interval: 250ms {"}"}
            steps:
            {(steps.Contains('\n', StringComparison.Ordinal) ? steps.TrimEnd() : "  - " + steps)}
            objectives:
              - {"{"} kind: recover, target: 30s {"}"}
            """);
    }
}
