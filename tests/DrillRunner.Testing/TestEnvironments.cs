namespace DrillRunner.Testing;

/// <summary>Small environment and drill files for loader and engine tests.</summary>
public static class TestEnvironments
{
    public const string Shop = """
        name: test-shop
        driver: local
        allowlist: [127.0.0.1]
        endpoints:
          shop: http://127.0.0.1:18999
        services:
          app:
            instances: 3
            port: 19001
            command: dotnet
            settings:
              MAX_CONCURRENCY: "64"
          lb:
            instances: 1
        """;

    /// <summary>A drill killing one app instance for <paramref name="faultFor"/>; probes follow the fake driver.</summary>
    public static string KillDrill(string faultFor = "10s", string extraSteps = "", string abort = "") => $"""
        name: kill-one
        environment: test-shop
        preflight:
          window: 1s
          timeout: 10s
        probes:
          - name: all-up
            kind: service-up
            service: app
            minimumRunning: 3
            interval: 250ms
        steps:
          - name: kill-app
            kind: kill
            at: 2s
            service: app
            count: 1
            duration: {faultFor}
        {extraSteps}
        objectives:
          - kind: recover
            target: 15s
          - kind: availability
            target: 50%
        {abort}
        recovery:
          consecutiveSamples: 3
          deadline: 10s
        """;
}
