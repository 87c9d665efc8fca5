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

// dotnet LongDrill.dll [hours] [recorder] : a drill of that many hours (fake clock), 2 probes every 250 ms, 1-second
// traffic buckets; with "recorder", only the traffic recorder's memory.
var hours = args.Length > 0 ? double.Parse(args[0], CultureInfo.InvariantCulture) : 4;
if (args.Length > 1 && args[1] == "recorder")
{
    PrintRecorder(TimeSpan.FromHours(hours));
    return;
}

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
    for (var steps = 0L; !run.IsCompleted; steps++)
    {
        time.Advance(TimeSpan.FromMilliseconds(250));
        await Task.Delay(TimeSpan.FromMilliseconds(1), TimeProvider.System);
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
    Console.WriteLine($"run {result.Status}: {result.Timeline.Samples.Count} probe samples, {result.Timeline.Traffic.Count} traffic seconds, {result.Timeline.Events.Count} events; verdict {result.Score?.Verdict}");
    Console.WriteLine($"runner peak RSS over the run (high-water mark, journal result included): {HighWaterMark()} MB (goal < 200 MB)");

    // What `drill run` does next: the report files.
    var writing = TimeProvider.System.GetTimestamp();
    var files = await ReportFiles.WriteAsync(result, Path.Combine(folder, "reports"), CancellationToken.None);
    Console.WriteLine($"report files written (as drill run does) in {TimeProvider.System.GetElapsedTime(writing).TotalMilliseconds:0} ms: {string.Join(", ", files.Select(f => $"{Path.GetFileName(f)} {new FileInfo(f).Length / 1024.0:0} KB"))}");
    Console.WriteLine($"runner peak RSS with the report files: {HighWaterMark()} MB (goal < 200 MB)");

    // What `drill report RUN --format F` and the server's report pages do: render from the result saved in the journal.
    var saved = System.Text.Json.JsonSerializer.Deserialize<RunResult>((await journal.GetResultJsonAsync(result.RunId, CancellationToken.None))!, DrillRunner.Steps.JsonDefaults.Options)!;
    foreach (var format in ReportFormats.All)
    {
        var started = TimeProvider.System.GetTimestamp();
        var text = ReportFormats.Render(saved, format);
        Console.WriteLine($"report {format,-6} rendered from the saved result in {TimeProvider.System.GetElapsedTime(started).TotalMilliseconds,5:0} ms, {text.Length / 1024.0,6:0} KB (goal < 1 s)");
    }

    PrintRecorder(method);
}
finally
{
    Directory.Delete(folder, recursive: true);
}

static void PrintRecorder(TimeSpan length)
{
    var hours = length.TotalHours.ToString(CultureInfo.InvariantCulture);
    Console.WriteLine($"traffic recorder ({hours} h, 200 requests/s), settled each second: {RecorderMemory.Retained(length, perSecond: 200) / 1048576.0:0.0} MB retained");
    Console.WriteLine($"traffic recorder ({hours} h, 200 requests/s), never settled (every histogram kept): {RecorderMemory.Retained(length, perSecond: 200, settle: false) / 1048576.0:0.0} MB retained");
}

static string HighWaterMark() =>
    File.ReadLines("/proc/self/status").First(l => l.StartsWith("VmHWM:", StringComparison.Ordinal)).Split(' ', StringSplitOptions.RemoveEmptyEntries)[1] is var kb
        ? (long.Parse(kb, CultureInfo.InvariantCulture) / 1024).ToString(CultureInfo.InvariantCulture) : "?";

internal sealed class LastProgress : IProgress<RunProgress>
{
    public RunProgress? Last { get; private set; }

    public void Report(RunProgress value) => Last = value;
}
