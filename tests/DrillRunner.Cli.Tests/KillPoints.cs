using System.Globalization;

namespace DrillRunner.Cli.Tests;

/// <summary>Where the crash-safety test kills the runner: fixed delays across every phase, and right after events.</summary>
internal static class KillPoints
{
    public const string Drill = """
        name: crash-safety
        environment: demo-shop
        preflight: { window: 1s }
        probes:
          - { name: health, kind: http, url: "${endpoints.shop}/health", interval: 250ms }
        steps:
          - { name: kill-app, kind: kill, at: 1s, service: app, count: 1, duration: 8s }
          - { name: pause-app, kind: pause, at: 2s, service: app, count: 1, duration: 7s }
          - { name: slow-app, kind: latency, at: 3s, service: app, count: 1, latency: 200ms, lease: 10s, duration: 6s }
          - name: squeeze-app
            kind: misconfigure
            at: 4s
            service: app
            percent: 100%
            allowTotalOutage: true
            live: true
            settings: { Shop__MaxConcurrentRequests: "3" }
            duration: 5s
          - name: slow-lb-checks
            kind: misconfigure
            at: 5s
            service: lb
            allowTotalOutage: true
            live: false
            settings: { Shop__HealthIntervalMilliseconds: "900" }
            duration: 4s
          - { name: scale-out, kind: scale, at: 6s, service: app, replicas: 4 }
        objectives:
          - { kind: recover, target: 30s }
        recovery: { deadline: 20s }
        """;

    public static readonly IReadOnlyDictionary<string, Func<DrillProcess, Task>> All = Build();

    private static Dictionary<string, Func<DrillProcess, Task>> Build()
    {
        var points = new Dictionary<string, Func<DrillProcess, Task>>(StringComparer.Ordinal);
        // From the "run ... of drill" line: preflight is ~1s, injection starts after it, steps at +1s..+6s, undo +9s..+10s.
        foreach (var ms in new[] { 300, 700, 1_200, 1_800, 2_400, 2_900, 3_300, 3_700, 4_100, 4_600, 5_200, 5_700, 6_300, 6_900, 7_600, 8_400 })
        {
            points[$"+{(ms / 1000.0).ToString("0.0", CultureInfo.InvariantCulture)}s after start"] = async run =>
            {
                await run.WaitForOutputAsync("of drill 'crash-safety'", TimeSpan.FromMinutes(1));
                await Task.Delay(TimeSpan.FromMilliseconds(ms), TimeProvider.System);
            };
        }

        foreach (var step in new[] { "kill (SIGKILL)", "pause:", "latency", "misconfigure app", "misconfigure lb", "scaled app" })
        {
            points[$"right after '{step}'"] = run => run.WaitForOutputAsync(step, TimeSpan.FromMinutes(1));
        }

        points["during restore"] = run => run.WaitForOutputAsync("fault-reverted", TimeSpan.FromMinutes(1));
        return points;
    }
}
