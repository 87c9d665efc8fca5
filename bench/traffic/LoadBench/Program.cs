using System.Globalization;
using DrillRunner.Traffic;

// Bench entry for bench/traffic/run.sh: runs one closed- or open-model window and prints key=value figures.
// Usage: LoadBench URL closed CONNECTIONS SECONDS [WARMUP_SECONDS]
//        LoadBench URL open CONNECTIONS SECONDS RATE [WARMUP_SECONDS]
if (args.Length < 4)
{
    Console.Error.WriteLine("usage: LoadBench URL closed|open CONNECTIONS SECONDS [RATE] [WARMUP_SECONDS]");
    return 2;
}

var target = new Uri(args[0]);
var open = args[1] == "open";
var connections = int.Parse(args[2], CultureInfo.InvariantCulture);
var seconds = double.Parse(args[3], CultureInfo.InvariantCulture);
var rate = open ? double.Parse(args[4], CultureInfo.InvariantCulture) : 0;
var warmupArg = open ? 5 : 4;
var warmup = args.Length > warmupArg ? double.Parse(args[warmupArg], CultureInfo.InvariantCulture) : 0;

LoadPlan Plan(double duration) => new()
{
    Target = target,
    AllowedHosts = ["127.0.0.1"],
    Connections = connections,
    Profile = open ? ArrivalProfile.Constant(rate, TimeSpan.FromSeconds(duration)) : null,
    Duration = TimeSpan.FromSeconds(duration),
    Timeout = TimeSpan.FromSeconds(2),
    MaxRequests = 1_000_000_000,
};

if (warmup > 0)
{
    await LoadGenerator.RunAsync(Plan(warmup), null, TimeProvider.System, CancellationToken.None);
}

var cpuBefore = Environment.CpuUsage.TotalTime;
var pauseBefore = GC.GetTotalPauseDuration();
var gcBefore = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));
var result = await LoadGenerator.RunAsync(Plan(seconds), null, TimeProvider.System, CancellationToken.None);
var cpu = Environment.CpuUsage.TotalTime - cpuBefore;
var t = result.Total;
var ms = (TimeSpan s) => s.TotalMilliseconds.ToString("F3", CultureInfo.InvariantCulture);
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"mode={args[1]} rps={result.AchievedRate:F0} planned_rps={result.PlannedRate:F0} sent={t.Sent} ok={t.Ok} " +
    $"failed={t.Failed.Total} late={t.Late} dropped={t.Dropped} p50_ms={ms(t.Latency.P50)} p99_ms={ms(t.Latency.P99)} " +
    $"max_ms={ms(t.Latency.Max)} send_err_p99_ms={ms(result.SendDelay.P99)} send_err_max_ms={ms(result.SendDelay.Max)} " +
    $"cpu_us_per_req={cpu.TotalMicroseconds / Math.Max(1, t.Sent):F2} " +
    $"gc={GC.CollectionCount(0) - gcBefore.Item1}/{GC.CollectionCount(1) - gcBefore.Item2}/{GC.CollectionCount(2) - gcBefore.Item3} " +
    $"gc_pause_ms={(GC.GetTotalPauseDuration() - pauseBefore).TotalMilliseconds:F1}"));
if (Environment.GetEnvironmentVariable("LOADBENCH_SECONDS") == "1")
{
    foreach (var s in result.Seconds)
    {
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  second={s.Second} sent={s.Counts.Sent} late={s.Counts.Late} p50_ms={ms(s.Counts.Latency.P50)} p99_ms={ms(s.Counts.Latency.P99)} max_ms={ms(s.Counts.Latency.Max)}"));
    }
}

return 0;
