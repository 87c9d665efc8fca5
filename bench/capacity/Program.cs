using System.Globalization;
using DrillRunner.Traffic.Drill;
using DrillRunner.Traffic.Drill.Capacity;

// CapacityBench <url-template> <rate>...: the capacity step's knee search against targets that shed load above a
// known rate (run.sh puts nginx limit_req in front of each), printing knee, error against the known rate, probes and
// duration. The url template has {rate}, replaced by the rate each target sheds above.
if (args.Length < 2)
{
    Console.Error.WriteLine("usage: CapacityBench <url-with-{rate}> <rate>...");
    return 64;
}

var probe = TimeSpan.FromSeconds(double.Parse(Environment.GetEnvironmentVariable("PROBE_SECONDS") ?? "3", CultureInfo.InvariantCulture));
var coolDown = TimeSpan.FromSeconds(double.Parse(Environment.GetEnvironmentVariable("COOLDOWN_SECONDS") ?? "1", CultureInfo.InvariantCulture));
Console.WriteLine($"probe {probe.TotalSeconds:0.#} s, cool-down {coolDown.TotalSeconds:0.#} s, precision 5%, p99 <= 1 s, errors <= 1%, search from rate/4 to rate*4");
Console.WriteLine("| known rate | knee | error | broke at | probes | duration |");
Console.WriteLine("|---|---|---|---|---|---|");
foreach (var text in args.Skip(1))
{
    var known = double.Parse(text, CultureInfo.InvariantCulture);
    var plan = LoadPlans.ForUrl(new Uri(args[0].Replace("{rate}", text, StringComparison.Ordinal)), []);
    var settings = new KneeSearchSettings(known / 4, known * 4, new CapacitySettings(known / 4, TimeSpan.FromSeconds(1), 0.01))
    {
        ProbeLength = probe,
        CoolDown = coolDown,
        Precision = 0.05,
    };
    var started = TimeProvider.System.GetTimestamp();
    var result = await KneeSearch.RunAsync(plan, settings, null, TimeProvider.System, CancellationToken.None);
    var took = TimeProvider.System.GetElapsedTime(started);
    var knee = result.Held ?? 0;
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"| {known:0}/s | {knee:0.#}/s | {(knee - known) / known * 100:+0.0;-0.0}% | {result.Broke:0.#}/s | {result.Probes.Count} | {took.TotalSeconds:0} s |"));
}

return 0;
