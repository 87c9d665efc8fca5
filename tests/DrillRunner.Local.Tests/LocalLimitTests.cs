using System.Globalization;
using DrillRunner.Catalog;
using DrillRunner.Drivers;
using DrillRunner.Drivers.Capabilities;
using DrillRunner.Engine;
using DrillRunner.Local.Cgroups;
using DrillRunner.Model;
using DrillRunner.Steps.Limits;
using DrillRunner.Testing.Namespaces;
using DrillRunner.Timeline;
using DrillRunner.Units;
using Xunit.Abstractions;

namespace DrillRunner.Local.Tests;

/// <summary>cpu-limit and memory-limit on local processes through cgroups (v1, as root), measured by the process's own CPU time.</summary>
public sealed class LocalLimitTests(ITestOutputHelper output)
{
    private static readonly DrillCatalog Catalog = new DrillCatalog().AddCoreComponents();

    [CgroupsFact]
    public async Task A_cpu_limit_holds_a_busy_process_to_its_share_and_is_gone_after_the_undo()
    {
        await using var bed = LocalTestBed.Create(Spinner());
        await bed.UpAsync();
        var pid = (await bed.Driver.ListInstancesAsync("spinner", default)).Single().ProcessId!.Value;
        var before = await CpusAsync(pid);

        var (record, context) = await InjectAsync(bed, new CpuLimitOptions { Kind = "cpu-limit", Service = "spinner", AllowTotalOutage = true, Cpus = 0.2 });
        var during = await CpusAsync(pid);
        await Catalog.FindUndo(record.Kind)!.UndoAsync(context, record, default);
        var after = await CpusAsync(pid);

        output.WriteLine($"CPUs: before {before:0.000}, during {during:0.000}, after {after:0.000}");
        Assert.InRange(during, 0.18, 0.22);
        Assert.True(before > 0.3 && after > 0.3, $"unlimited, the spinner gets more than the limit ({before:0.00}, {after:0.00})");
        Assert.Null(CgroupProbe.CpuQuota(pid));
        Assert.Equal(SupervisorCgroup(bed, "cpu"), CgroupLimits.FolderOf("cpu", pid));
    }

    [CgroupsFact]
    public async Task A_memory_limit_is_read_back_from_the_process_cgroup_and_is_gone_after_the_undo()
    {
        await using var bed = LocalTestBed.Create(LocalTestBed.Sleeper(instances: 1));
        await bed.UpAsync();
        var pid = (await bed.Driver.ListInstancesAsync("worker", default)).Single().ProcessId!.Value;

        var (record, context) = await InjectAsync(bed, new MemoryLimitOptions { Kind = "memory-limit", Service = "worker", AllowTotalOutage = true, Limit = new ByteSize(64L << 20) });
        var during = CgroupProbe.MemoryLimit(pid);
        await Catalog.FindUndo(record.Kind)!.UndoAsync(context, record, default);

        Assert.Equal(64L << 20, during);
        Assert.Null(CgroupProbe.MemoryLimit(pid));
        Assert.Equal(SupervisorCgroup(bed, "memory"), CgroupLimits.FolderOf("memory", pid));
        Assert.False(Directory.Exists(Path.Combine("/sys/fs/cgroup/memory/drillrunner", bed.Environment.Name)), "DrillRunner's cgroup of the environment is left");
    }

    [Fact]
    public void The_local_driver_offers_limits_exactly_where_cgroups_allow_them()
    {
        var why = new LocalDriverFactory().WhyNot(typeof(IResourceLimits), new EnvironmentSpec { Name = "x" });

        Assert.Equal(ProcessCgroups.WhyUnavailable() is null, why is null);
    }

    private static ServiceSpec Spinner() => new()
    {
        Name = "spinner",
        Command = "/bin/sh",
        Args = ["-c", "while :; do :; done"],
    };

    private static async Task<(Journal.UndoRecord Record, StepContext Context)> InjectAsync(LocalTestBed bed, StepOptions options)
    {
        var context = new StepContext { RunId = "t1", Environment = bed.Environment, Driver = bed.Driver, Time = TimeProvider.System, Timeline = new RunTimeline() };
        var step = Catalog.CreateStep(options);
        var record = (await step.PrepareAsync(context, default))!;
        await step.ExecuteAsync(context, record, default);
        return (record, context);
    }

    private static string SupervisorCgroup(LocalTestBed bed, string controller) => CgroupLimits.FolderOf(controller, bed.State!.SupervisorPid)!;

    // The process's own CPU time (utime + stime in /proc/PID/stat) over two seconds.
    private static async Task<double> CpusAsync(int pid)
    {
        var first = CpuTime(pid);
        var started = TimeProvider.System.GetTimestamp();
        await Task.Delay(TimeSpan.FromSeconds(2), TimeProvider.System);
        return (CpuTime(pid) - first).TotalSeconds / TimeProvider.System.GetElapsedTime(started).TotalSeconds;
    }

    private static TimeSpan CpuTime(int pid)
    {
        var stat = File.ReadAllText($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        return TimeSpan.FromSeconds(ticks / 100.0); // USER_HZ
    }
}

/// <summary>Needs cgroups the runner may change (v1, as root); skipped with the reason elsewhere, except under CI=true.</summary>
public sealed class CgroupsFactAttribute : FactAttribute
{
    public CgroupsFactAttribute()
    {
        if (!string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase) && ProcessCgroups.WhyUnavailable() is { } why)
        {
            Skip = $"No cgroups to limit local processes: {why} (set CI=true to make this a failure).";
        }
    }
}
