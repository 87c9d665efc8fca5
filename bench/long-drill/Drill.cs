using System.Globalization;

namespace LongDrill;

/// <summary>The simulated drill: kill then pause an app instance for a quarter of the run each, traffic and two probes throughout.</summary>
internal static class Drill
{
    public static string Yaml(TimeSpan method)
    {
        var minutes = ((int)method.TotalMinutes).ToString(CultureInfo.InvariantCulture);
        var quarter = ((int)(method.TotalMinutes / 4)).ToString(CultureInfo.InvariantCulture);
        var pauseAt = ((int)(method.TotalMinutes * 3 / 8)).ToString(CultureInfo.InvariantCulture);
        return $"""
            name: long
            environment: test-shop
            maxDuration: {minutes}m30m
            preflight: {"{"} window: 1s, timeout: 10s {"}"}
            probes:
              - {"{"} name: two-up, kind: service-up, service: app, minimumRunning: 2, interval: 250ms {"}"}
              - {"{"} name: all-up, kind: service-up, service: app, minimumRunning: 3, interval: 250ms {"}"}
            steps:
              - {"{"} name: shoppers, kind: synthetic-traffic, at: 0s, duration: {minutes}m {"}"}
              - {"{"} name: kill-app, kind: kill, at: 10s, service: app, count: 1, duration: {quarter}m {"}"}
              - {"{"} name: pause-app, kind: pause, at: {pauseAt}m, service: app, count: 1, duration: {quarter}m {"}"}
            abort:
              - {"{"} kind: probe-failing, probe: two-up, for: 10m {"}"}
              - {"{"} kind: error-rate, above: 90%, for: 1m {"}"}
            objectives:
              - {"{"} kind: recover, target: 2h {"}"}
              - {"{"} kind: availability, target: 50% {"}"}
            recovery: {"{"} consecutiveSamples: 3, deadline: 30s {"}"}
            """;
    }
}
