using System.Diagnostics;
using System.Globalization;
using DrillRunner.Engine;
using DrillRunner.Engine.Locks;
using DrillRunner.Journal.Sqlite;
using DrillRunner.Loading;
using DrillRunner.Reports;
using DrillRunner.Testing;
using DrillRunner.Testing.Fakes;
using LongDrill;

// dotnet LongDrill.dll [hours] : a drill of that many hours (fake clock), 2 probes every 250 ms, 1-second traffic buckets.
var hours = args.Length > 0 ? double.Parse(args[0], CultureInfo.InvariantCulture) : 4;
var folder = Directory.CreateTempSubdirectory("long-drill-").FullName;
try
{
    Directory.CreateDirectory(Path.Combine(folder, "environments"));
    File.WriteAllText(Path.Combine(folder, "environments", "test-shop.yaml"), TestEnvironments.Shop);
    var catalog = TestCatalog.Create();
    catalog.AddStep<SyntheticTrafficOptions>("synthetic-traffic", o => new SyntheticTraffic(o));
    var method = TimeSpan.FromHours(hours);
    var drillFile = Path.Combine(folder, "long.yaml");
    File.WriteAllText(drillFile, Drill.Yaml(method));
    var drill = new DrillLoader(catalog).Load(drillFile);
    var driver = new FakeDriver(drill.Environment);
    await driver.UpAsync(new Progress<string>(), CancellationToken.None);
    var time = FakeClock.Create();
    var journal = new SqliteJournalStore(Path.Combine(folder, "journal.db"));
    var engine = new DrillEngine(catalog, journal, new FileEnvironmentLock(Path.Combine(folder, "locks")), time);
    var progress = new LastProgress();
    var run = engine.RunAsync(drill, driver, new RunRequest { Seed = 1, Progress = progress }, CancellationToken.None);

    Console.WriteLine($"simulating a {hours.ToString(CultureInfo.InvariantCulture)} h drill on a fake clock (250 ms steps); CPU and RSS per simulated hour:");
    var process = Process.GetCurrentProcess();
    var hourStart = process.TotalProcessorTime;
    var nextHour = time.GetUtcNow().AddHours(1);
    long peak = 0;
    for (var steps = 0L; !run.IsCompleted; steps++)
    {
        time.Advance(TimeSpan.FromMilliseconds(250));
        await Task.Delay(TimeSpan.FromMilliseconds(1), TimeProvider.System);
        if (steps % 400 == 0)
        {
            process.Refresh();
            peak = Math.Max(peak, process.WorkingSet64);
        }

        if (time.GetUtcNow() >= nextHour)
        {
            process.Refresh();
            var cpu = process.TotalProcessorTime - hourStart;
            hourStart = process.TotalProcessorTime;
            Console.WriteLine($"  hour {(nextHour - time.Start).TotalHours,2:0}: CPU {cpu.TotalSeconds,6:0.0} s, RSS {process.WorkingSet64 / 1048576.0,6:0} MB, progress {progress.Last?.Elapsed}");
            nextHour = nextHour.AddHours(1);
        }
    }

    var result = await run;
    process.Refresh();
    peak = Math.Max(peak, process.WorkingSet64);
    Console.WriteLine($"run {result.Status}: {result.Timeline.Samples.Count} probe samples, {result.Timeline.Traffic.Count} traffic seconds, {result.Timeline.Events.Count} events; verdict {result.Score?.Verdict}");
    Console.WriteLine($"runner peak RSS during the run: {peak / 1048576.0:0} MB (goal < 200 MB)");

    foreach (var format in ReportFormats.All)
    {
        var started = TimeProvider.System.GetTimestamp();
        var text = ReportFormats.Render(result, format);
        Console.WriteLine($"report {format,-6} rendered in {TimeProvider.System.GetElapsedTime(started).TotalMilliseconds,7:0} ms, {text.Length / 1024.0,8:0} KB");
    }

    process.Refresh();
    Console.WriteLine($"peak RSS after the reports: {Math.Max(peak, process.WorkingSet64) / 1048576.0:0} MB");
    var retained = RecorderMemory.Retained(method, perSecond: 200);
    Console.WriteLine($"traffic recorder ({hours.ToString(CultureInfo.InvariantCulture)} h, 200 requests/s, settled each second): {retained / 1048576.0:0.0} MB retained");
}
finally
{
    Directory.Delete(folder, recursive: true);
}

internal sealed class LastProgress : IProgress<RunProgress>
{
    public RunProgress? Last { get; private set; }

    public void Report(RunProgress value) => Last = value;
}
