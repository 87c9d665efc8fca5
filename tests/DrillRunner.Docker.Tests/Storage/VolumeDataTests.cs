using DrillRunner.Docker.Tests.Infrastructure;
using DrillRunner.Drivers;
using DrillRunner.Drivers.Capabilities;
using DrillRunner.Model;
using DrillRunner.Testing;

namespace DrillRunner.Docker.Tests.Storage;

/// <summary>
/// <see cref="IInstanceData"/> on the Docker driver against the real engine: a Debian service (built locally, never
/// pulled) writes a file into its <c>{data}</c> volume at its first start; the data is set aside, restored into,
/// put back, kept and removed through helper containers, survives a recreate and a scale-out, and goes with
/// <c>env down</c>; a command in a stopped instance runs in a one-off container of it (exit code, output, timeout).
/// </summary>
[Collection(DockerCollection.Name)]
public sealed class VolumeDataTests : IAsyncLifetime, IDisposable
{
    private static readonly CancellationToken None = CancellationToken.None;
    private readonly TempFolder _folder = new();
    private readonly EnvironmentSpec _environment;
    private IEnvironmentDriver? _driver;

    public VolumeDataTests()
    {
        _environment = new EnvironmentSpec
        {
            Name = "dd" + Guid.NewGuid().ToString("N")[..8],
            BaseDirectory = _folder.Path,
            SourceFile = Path.Combine(_folder.Path, "environments", "data.yaml"),
            Services = new Dictionary<string, ServiceSpec>
            {
                ["db"] = new()
                {
                    Name = "db",
                    Instances = 2,
                    // The image the real-server tests build: a cache hit when they ran before.
                    Image = "drillrunner-test/servers",
                    Build = new ImageBuildSpec { Debian = ["nginx", "haproxy", "procps"] },
                    User = "www-data",
                    Command = "/bin/sh",
                    Args = ["-c", "[ -f \"$0/db\" ] || echo \"original {instance}\" > \"$0/db\"; exec sleep 3600", "{data}"],
                    Settings = new Dictionary<string, string> { ["DATA"] = "{data}", ["SHARED"] = "{shared}" },
                },
            },
        };
    }

    private IEnvironmentDriver Driver => _driver ?? throw new InvalidOperationException("not up");

    private string Db1 => InstanceSettings.InstanceId(_environment, _environment.Services["db"], 1);

    private string Db2 => InstanceSettings.InstanceId(_environment, _environment.Services["db"], 2);

    public async Task InitializeAsync()
    {
        _driver = new DockerDriverFactory().Create(_environment, TimeProvider.System);
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3), TimeProvider.System);
        await _driver.UpAsync(new Progress<string>(), timeout.Token);
    }

    public async Task DisposeAsync()
    {
        if (_driver is not null)
        {
            await _driver.DownAsync(new Progress<string>(), None);
            await _driver.DisposeAsync();
        }
    }

    public void Dispose() => _folder.Dispose();

    [DockerFact]
    public async Task Data_is_set_aside_restored_into_and_put_back_and_moves_are_refused_while_the_instance_runs()
    {
        var data = Driver.Require<IInstanceData>();
        var location = await data.LocateAsync(Db1, "run1", None);
        Assert.NotNull(location);
        Assert.Equal($"{Db1}-data", location.Volume);
        Assert.Equal($"/var/lib/drillrunner/{Db1}", location.Path);
        Assert.Equal("original 1", await CatAsync(Db1, "$DATA/db"));
        Assert.Equal(new DataFolderState(true, false, false, false), await data.InspectAsync(location, None));

        var refused = await Assert.ThrowsAsync<DriverException>(() => data.SetAsideAsync(location, None));
        Assert.Contains("still runs", refused.Message, StringComparison.Ordinal);

        await StopAsync(Db1);
        await data.SetAsideAsync(location, None);
        await data.SetAsideAsync(location, None); // Idempotent: set aside already.

        Assert.Equal(new DataFolderState(true, true, true, false), await data.InspectAsync(location, None));
        // The runbook restores into the empty folder, in the stopped instance: it is the service user's, as before.
        var restored = await ExecAsync(Db1, "stat -c %U \"$DATA\" && echo restored > \"$DATA/db\" && ls -A \"$DATA\"");
        Assert.Equal("www-data\ndb", restored);
        Assert.Equal(new DataFolderState(true, false, true, false), await data.InspectAsync(location, None));

        // The undo: what the restore wrote goes, the original comes back.
        await data.PutBackAsync(location, None);
        await data.PutBackAsync(location, None); // Idempotent: put back already.
        Assert.Equal(new DataFolderState(true, false, false, false), await data.InspectAsync(location, None));
        await Driver.Require<IInstanceLifecycle>().StartAsync(Db1, None);
        Assert.Equal("original 1", await CatAsync(Db1, "$DATA/db"));
        Assert.Equal("original 2", await CatAsync(Db2, "$DATA/db"));
    }

    [DockerFact]
    public async Task A_copy_is_kept_or_removed_beside_the_running_restored_instance_and_the_volumes_go_with_env_down()
    {
        var data = Driver.Require<IInstanceData>();
        var one = (await data.LocateAsync(Db1, "keep", None))!;
        var two = (await data.LocateAsync(Db2, "remove", None))!;
        await StopAsync(Db1);
        await StopAsync(Db2);
        await data.SetAsideAsync(one, None);
        await data.SetAsideAsync(two, None);
        await Driver.Require<IInstanceLifecycle>().StartAsync(Db1, None);
        await Driver.Require<IInstanceLifecycle>().StartAsync(Db2, None);

        await data.KeepAsync(one, None);
        await data.KeepAsync(one, None); // Idempotent: kept already.
        await data.RemoveSetAsideAsync(two, None);

        Assert.Equal(new DataFolderState(true, false, false, true), await data.InspectAsync(one, None));
        Assert.Equal(new DataFolderState(true, false, false, false), await data.InspectAsync(two, None));
        // Nothing set aside any more: a put-back (an undo run again) leaves what the service holds now alone.
        await ExecAsync(Db2, "echo restored > \"$DATA/db\"");
        await StopThenPutBackAsync(two);
        await Driver.Require<IInstanceLifecycle>().StartAsync(Db2, None);
        Assert.Equal("restored", await CatAsync(Db2, "$DATA/db"));

        await Driver.DownAsync(new Progress<string>(), None);
        Assert.Equal("", await DockerCli.RunAsync("volume", "ls", "-q", "--filter", $"label=com.drillrunner.env={_environment.Name}"));
        Assert.Equal("", await DockerCli.RunAsync("ps", "-aq", "--filter", $"label=com.drillrunner.env={_environment.Name}"));
    }

    [DockerFact]
    public async Task The_data_survives_a_recreate_and_the_shared_volume_is_one_for_every_instance()
    {
        await ExecAsync(Db1, "echo changed > \"$DATA/db\" && echo from-1 > \"$SHARED/note\"");

        await Driver.Require<IInstanceReconfiguration>().ReconfigureAsync(Db1, new Dictionary<string, string?> { ["EXTRA"] = "1" }, None);

        Assert.Equal("1", await CatAsync(Db1, "/dev/null; echo $EXTRA"));
        Assert.Equal("changed", await CatAsync(Db1, "$DATA/db"));
        Assert.Equal("from-1", await CatAsync(Db2, "$SHARED/note"));
        Assert.Equal("www-data", await ExecAsync(Db2, "stat -c %U \"$SHARED\""));
    }

    [DockerFact]
    public async Task A_scaled_out_instance_gets_a_data_volume_of_its_own_and_the_shared_one()
    {
        await ExecAsync(Db1, "echo from-1 > \"$SHARED/note\"");

        await Driver.Require<IServiceScaling>().ScaleAsync("db", 3, None);

        var db3 = InstanceSettings.InstanceId(_environment, _environment.Services["db"], 3);
        var location = await Driver.Require<IInstanceData>().LocateAsync(db3, "scale", None);
        Assert.Equal($"{db3}-data", location?.Volume);
        Assert.Equal("original 3", await CatAsync(db3, "$DATA/db"));
        Assert.Equal("original 1", await CatAsync(Db1, "$DATA/db"));
        Assert.Equal("from-1", await CatAsync(db3, "$SHARED/note"));
    }

    [DockerFact]
    public async Task Exec_in_a_stopped_instance_returns_its_exit_code_and_output_and_a_command_past_its_timeout_is_killed_and_removed()
    {
        await StopAsync(Db1);
        var exec = Driver.Require<IInstanceExec>();

        var failed = await exec.ExecAsync(Db1, new ExecRequest(["/bin/sh", "-c", "id -un; echo oops >&2; exit 3"]), None);
        var slow = await exec.ExecAsync(Db1, new ExecRequest(["/bin/sleep", "60"]) { Timeout = TimeSpan.FromSeconds(1) }, None);
        var missing = await Assert.ThrowsAsync<DriverException>(() => exec.ExecAsync(Db1, new ExecRequest(["/no/such/program"]), None));

        Assert.Equal(3, failed.ExitCode);
        Assert.Equal("www-data", failed.StandardOutput.Trim());
        Assert.Equal("oops", failed.StandardError.Trim());
        Assert.True(slow.TimedOut, slow.Summary);
        Assert.InRange(slow.Elapsed, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(20));
        Assert.Contains("/no/such/program", missing.Message, StringComparison.Ordinal);
        Assert.Equal("", await DockerCli.RunAsync("ps", "-aq", "--filter", $"label=com.drillrunner.helper-of={Db1}"));
        Assert.Equal(InstanceState.Exited, (await Driver.GetInstanceAsync(Db1, None)).State);
    }

    private async Task StopThenPutBackAsync(DataLocation location)
    {
        await StopAsync(location.Instance);
        await Driver.Require<IInstanceData>().PutBackAsync(location, None);
    }

    private async Task StopAsync(string instance)
    {
        await Driver.Require<IInstanceLifecycle>().StopAsync(instance, None);
        Assert.Equal(InstanceState.Exited, (await Driver.GetInstanceAsync(instance, None)).State);
    }

    private Task<string> CatAsync(string instance, string path) => ExecAsync(instance, $"cat {path}");

    private async Task<string> ExecAsync(string instance, string script)
    {
        var result = await Driver.Require<IInstanceExec>().ExecAsync(instance, new ExecRequest(["/bin/sh", "-c", script]), None);
        Assert.True(result.Succeeded, $"{script}: {result.Summary} {result.StandardError}");
        return result.StandardOutput.Trim();
    }
}
