using System.Text;
using DrillRunner.Drivers;
using DrillRunner.Drivers.Capabilities;
using DrillRunner.Engine;
using DrillRunner.Journal;
using DrillRunner.Model;
using DrillRunner.Steps.ConfigFiles;
using DrillRunner.Steps.Configure;
using DrillRunner.Testing.Drivers;
using DrillRunner.Timeline;
using Xunit;

namespace DrillRunner.Testing.Servers;

/// <summary>
/// Config-file faults on Debian's nginx and haproxy, the same on every driver: a web service (nginx) and haproxy in front
/// of it, each rendered from <see cref="ServerTemplates"/>. The bad setting must show under load (concurrent slow
/// requests failing), the undo must restore the exact original bytes and the behaviour. Subclasses give the driver.
/// </summary>
public abstract class RealServerTests : IAsyncLifetime, IDisposable
{
    private const int Load = 30;
    private const int SlowBytes = 8192;
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(8);
    private readonly TempFolder _folder = new();
    private IEnvironmentDriver? _driver;

    protected RealServerTests()
    {
        ServerTemplates.WriteTo(_folder.Path);
        var ports = FreePorts.FindRange(2);
        WebPort = ports;
        LbPort = ports + 1;
        Environment = new EnvironmentSpec
        {
            Name = "rs" + Guid.NewGuid().ToString("N")[..8],
            BaseDirectory = _folder.Path,
            SourceFile = Path.Combine(_folder.Path, "environments", "servers.yaml"),
            Services = new Dictionary<string, ServiceSpec>
            {
                ["web"] = Adapt(new ServiceSpec
                {
                    Name = "web",
                    Port = WebPort,
                    Command = "/usr/sbin/nginx",
                    Args = ["-e", "stderr", "-c", "{files}/nginx.conf"],
                    HealthPath = "/health",
                    Files = new Dictionary<string, string> { ["nginx.conf"] = "nginx.conf.liquid", ["slow.txt"] = "slow.txt.liquid" },
                }),
                ["lb"] = Adapt(new ServiceSpec
                {
                    Name = "lb",
                    Port = LbPort,
                    Command = "/usr/sbin/haproxy",
                    Args = ["-W", "-db", "-f", "{files}/haproxy.cfg"],
                    HealthPath = "/health",
                    Files = new Dictionary<string, string> { ["haproxy.cfg"] = "haproxy.cfg.liquid" },
                }),
            },
        };
    }

    protected int WebPort { get; }

    protected int LbPort { get; }

    protected EnvironmentSpec Environment { get; }

    protected IEnvironmentDriver Driver => _driver ?? throw new InvalidOperationException("not up");

    /// <summary>Driver-specific parts of a service (the Docker image).</summary>
    protected abstract ServiceSpec Adapt(ServiceSpec service);

    protected abstract Task<IEnvironmentDriver> CreateDriverAsync(EnvironmentSpec environment);

    public async Task InitializeAsync()
    {
        _driver = await CreateDriverAsync(Environment);
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2), TimeProvider.System);
        await _driver.UpAsync(new Progress<string>(), timeout.Token);
    }

    public async Task DisposeAsync()
    {
        if (_driver is not null)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1), TimeProvider.System);
            await _driver.DownAsync(new Progress<string>(), timeout.Token);
            await _driver.DisposeAsync();
        }
    }

    public void Dispose()
    {
        _folder.Dispose();
        GC.SuppressFinalize(this);
    }

    [ServerFact]
    public async Task Nginx_with_worker_connections_far_too_low_fails_requests_under_load_and_the_undo_restores_the_exact_bytes()
    {
        var web = await InstanceAsync("web");
        var original = await ReadAsync(web, "nginx.conf");
        Assert.Equal(Load, await SlowOkAsync(WebPort));

        var record = await InjectAsync(Misconfigure("web", new FileEditOptions { Directive = "worker_connections", Value = "8" }, new ReloadOptions { Signal = "SIGHUP", Check = ["/usr/sbin/nginx", "-t", "-q", "-e", "stderr", "-c", "{file}"] }));

        Assert.Contains("    worker_connections 8;\n", Encoding.UTF8.GetString(await ReadAsync(web, "nginx.conf")), StringComparison.Ordinal);
        var underFault = await SlowOkAsync(WebPort);
        Assert.True(underFault <= 8, $"{underFault} of {Load} concurrent requests were served with 8 worker connections");

        await UndoAsync(record);

        Assert.Equal(original, await ReadAsync(web, "nginx.conf"));
        Assert.Equal(Load, await SlowOkAsync(WebPort));
    }

    [ServerFact]
    public async Task Haproxy_with_a_server_maxconn_of_2_turns_requests_away_under_load_and_the_undo_restores_the_exact_bytes()
    {
        var lb = await InstanceAsync("lb");
        var original = await ReadAsync(lb, "haproxy.cfg");
        Assert.Equal(Load, await SlowOkAsync(LbPort));

        var record = await InjectAsync(Misconfigure("lb", new FileEditOptions { Line = @"^(\s*server web1 \S+) maxconn \d+$", With = "$1 maxconn 2" }, new ReloadOptions { Signal = "SIGUSR2", Check = ["/usr/sbin/haproxy", "-c", "-q", "-f", "{file}"] }));

        var underFault = await SlowOkAsync(LbPort);
        Assert.True(underFault <= 4, $"{underFault} of {Load} concurrent requests got through haproxy with server maxconn 2");

        await UndoAsync(record);

        Assert.Equal(original, await ReadAsync(lb, "haproxy.cfg"));
        Assert.Equal(Load, await SlowOkAsync(LbPort));
    }

    [ServerFact]
    public async Task A_config_nginx_rejects_is_put_back_and_nginx_keeps_serving()
    {
        var web = await InstanceAsync("web");
        var original = await ReadAsync(web, "nginx.conf");
        var step = new DrillCatalogStep(Misconfigure("web", new FileEditOptions { Directive = "worker_connections", Value = "plenty" }, new ReloadOptions { Signal = "SIGHUP", Check = ["/usr/sbin/nginx", "-t", "-q", "-e", "stderr", "-c", "{file}"] }));

        var error = await Assert.ThrowsAsync<FileEditException>(() => step.InjectAsync(Context()));

        Assert.Contains("rejects the changed", error.Message, StringComparison.Ordinal);
        Assert.Contains("invalid number", error.Message, StringComparison.Ordinal); // nginx's own words
        Assert.Contains("put back", error.Message, StringComparison.Ordinal);
        Assert.Equal(original, await ReadAsync(web, "nginx.conf"));
        Assert.Equal(Load, await SlowOkAsync(WebPort));
    }

    [ServerFact]
    public async Task A_reload_by_command_and_one_by_restart_take_effect_and_are_undone()
    {
        var web = await InstanceAsync("web");
        var original = await ReadAsync(web, "nginx.conf");
        var edit = new FileEditOptions { Directive = "worker_connections", Value = "8" };

        var byCommand = await InjectAsync(Misconfigure("web", edit, new ReloadOptions { Exec = ["/usr/sbin/nginx", "-e", "stderr", "-s", "reload", "-c", "{file}"] }));
        Assert.True(await SlowOkAsync(WebPort) <= 8);
        await UndoAsync(byCommand);
        Assert.Equal(original, await ReadAsync(web, "nginx.conf"));

        var byRestart = await InjectAsync(Misconfigure("web", edit, new ReloadOptions { Restart = true }));
        Assert.True(await SlowOkAsync(WebPort) <= 8);
        await UndoAsync(byRestart);
        Assert.Equal(original, await ReadAsync(web, "nginx.conf"));
        Assert.Equal(Load, await SlowOkAsync(WebPort));
    }

    [ServerFact]
    public async Task A_command_in_an_instance_gives_its_exit_code_and_output_and_is_killed_at_its_timeout()
    {
        var exec = Driver.Require<IInstanceExec>();
        var web = await InstanceAsync("web");

        var done = await exec.ExecAsync(web, new ExecRequest(["/bin/sh", "-c", "echo out; echo err >&2; exit 3"]), CancellationToken.None);
        var slow = await exec.ExecAsync(web, new ExecRequest(["/bin/sh", "-c", "echo started; sleep 30"]) { Timeout = TimeSpan.FromSeconds(1) }, CancellationToken.None);

        Assert.Equal(3, done.ExitCode);
        Assert.Equal("out\n", done.StandardOutput);
        Assert.Equal("err\n", done.StandardError);
        Assert.True(slow.TimedOut);
        Assert.Null(slow.ExitCode);
        Assert.InRange(slow.Elapsed, TimeSpan.FromSeconds(0.9), TimeSpan.FromSeconds(10));
        Assert.Equal("started\n", slow.StandardOutput);
        await Assert.ThrowsAsync<DriverException>(() => exec.ExecAsync(web, new ExecRequest(["/no/such/program"]), CancellationToken.None));
    }

    protected StepContext Context() =>
        new() { RunId = "real-servers", Environment = Environment, Driver = Driver, Time = TimeProvider.System, Timeline = new RunTimeline() };

    protected static ConfigureOptions Misconfigure(string service, FileEditOptions edit, ReloadOptions reload) => new()
    {
        Kind = "misconfigure",
        Service = service,
        AllowTotalOutage = true,
        File = service == "web" ? "nginx.conf" : "haproxy.cfg",
        Edit = edit,
        Reload = reload,
    };

    protected async Task<UndoRecord> InjectAsync(ConfigureOptions options) => await new DrillCatalogStep(options).InjectAsync(Context());

    protected async Task UndoAsync(UndoRecord record)
    {
        var detail = await TestCatalog.Create().FindUndo(record.Kind)!.UndoAsync(Context(), record, CancellationToken.None);
        Assert.Contains("reloaded", detail, StringComparison.Ordinal);
    }

    protected async Task<string> InstanceAsync(string service) => (await Driver.ListInstancesAsync(service, CancellationToken.None)).Single().Id;

    protected async Task<byte[]> ReadAsync(string instance, string path)
    {
        var files = Driver.Require<IFileAccess>();
        return await files.ReadFileAsync(instance, files.ResolvePath(instance, path), 1 << 20, CancellationToken.None) ?? throw new InvalidOperationException($"{path} missing");
    }

    protected static Task<int> SlowOkAsync(int port) =>
        ConcurrentRequests.CountOkAsync(new Uri($"http://127.0.0.1:{port}/slow"), Load, SlowBytes, RequestTimeout);

    /// <summary>A step made by the real catalog from its options, prepared and executed as the engine does.</summary>
    protected sealed class DrillCatalogStep(ConfigureOptions options)
    {
        public async Task<UndoRecord> InjectAsync(StepContext context)
        {
            var step = TestCatalog.Create().CreateStep(options);
            var record = await step.PrepareAsync(context, CancellationToken.None) ?? throw new InvalidOperationException("no undo record");
            await step.ExecuteAsync(context, record, CancellationToken.None);
            return record;
        }
    }
}
