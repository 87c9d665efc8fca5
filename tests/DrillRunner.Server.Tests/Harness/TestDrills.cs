namespace DrillRunner.Server.Tests.Harness;

/// <summary>Environment and drill files the server tests put in a temporary drills folder.</summary>
internal static class TestDrills
{
    public const string Environment = """
        name: fake-shop
        driver: local
        allowlist: [127.0.0.1]
        services:
          app:
            instances: 3
        """;

    /// <summary>Kills one of three app instances at 300ms for <paramref name="faultFor"/>; a run takes about two seconds.</summary>
    public static string Kill(string name, string faultFor = "500ms", string extraSteps = "", string schedule = "") => $"""
        name: {name}
        environment: fake-shop
        {schedule}
        preflight:
          window: 300ms
          timeout: 10s
        probes:
          - name: all-up
            kind: service-up
            service: app
            minimumRunning: 3
            interval: 100ms
        steps:
          - name: kill-app
            kind: kill
            at: 300ms
            service: app
            count: 1
            duration: {faultFor}
        {extraSteps}
        objectives:
          - kind: recover
            target: 15s
        recovery:
          consecutiveSamples: 2
          deadline: 10s
        """;

    public const string AckStep = """
          - name: find-the-cause
            kind: wait-for-ack
            at: 400ms
            prompt: Find what broke
            timeout: 30s
        """;
}
