using System.Globalization;
using DrillRunner.Engine;
using DrillRunner.Engine.Locks;
using DrillRunner.Journal;
using DrillRunner.Journal.Sqlite;
using DrillRunner.Loading;
using DrillRunner.Objectives.Detect;
using DrillRunner.Reports;
using DrillRunner.Scoring;
using DrillRunner.Testing;
using DrillRunner.Testing.Drivers;
using DrillRunner.Testing.Fakes;
using DrillRunner.Timeline;

namespace DrillRunner.Core.Tests.Alerts;

/// <summary>
/// Time to detect through a real Alertmanager routing to the run's webhook receiver, and what a run says when its
/// Alertmanager cannot be reached. Real clock, real HTTP, fake driver.
/// </summary>
public sealed class AlertmanagerDetectionTests : IDisposable
{
    private static readonly TimeSpan ProbeInterval = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan AlertAfterFailure = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan GroupWait = TimeSpan.FromSeconds(1);
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [AlertmanagerFact]
    public async Task Time_to_detect_is_the_notifications_arrival_after_the_first_failure_within_one_probe_interval()
    {
        await using var target = new SwitchableTarget();
        var webhook = FreePorts.FindRange(1);
        await using var alertmanager = await AlertmanagerProcess.StartAsync(_folder, webhook, GroupWait);
        var drill = Load(target.Url, alertmanager.Url.ToString(), webhook);
        var labels = new Dictionary<string, string> { ["alertname"] = "ShopSlow", ["service"] = "drill-test" };
        DateTimeOffset? firedAt = null;
        var incident = Task.CompletedTask;
        var events = new Events(e =>
        {
            if (e.Kind == EventKinds.FaultInjected)
            {
                incident = Task.Run(async () =>
                {
                    // The failure starts 1 s after the fault; the alert fires 2 s after the failure and Alertmanager
                    // notifies after its group_wait: the true time to detect is 2 s + 1 s.
                    await Task.Delay(TimeSpan.FromSeconds(1), TimeProvider.System);
                    target.Fail();
                    await Task.Delay(AlertAfterFailure, TimeProvider.System);
                    firedAt = TimeProvider.System.GetUtcNow();
                    await alertmanager.FireAsync(labels, firedAt.Value);
                });
            }
        });

        var result = await RunAsync(drill, new RunRequest { Seed = 1, Trigger = "test", Events = events });
        await incident;

        var alert = Assert.Single(result.Timeline.Alerts);
        Assert.Equal("ShopSlow", alert.Name);
        Assert.Equal(firedAt!.Value.ToUnixTimeMilliseconds(), alert.FiredAt.ToUnixTimeMilliseconds(), tolerance: 1);
        Assert.NotNull(alert.ReceivedAt);
        var detection = Detection.Measure(Input(result), alertName: null);
        var trueDelay = AlertAfterFailure + GroupWait;
        var measured = detection.Delay!.Value;
        Assert.True((measured - trueDelay).Duration() <= ProbeInterval + TimeSpan.FromMilliseconds(100),
            $"measured {measured.TotalMilliseconds:0} ms, true {trueDelay.TotalMilliseconds:0} ms (failure at {target.FailingSince:HH:mm:ss.fff}, first failing sample {detection.FirstFailure:HH:mm:ss.fff}, fired {alert.FiredAt:HH:mm:ss.fff}, received {alert.ReceivedAt:HH:mm:ss.fff})");
        var detect = result.Score!.Objectives.Single(o => o.Kind == "detect");
        Assert.True(detect.Met, detect.Detail);
        Assert.Contains("notification received", detect.Detail, StringComparison.Ordinal);
        Assert.Contains(result.Timeline.Events, e => e.Kind == EventKinds.Note && e.Message.StartsWith($"Alertmanager webhook receiver listening on http://127.0.0.1:{webhook}/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_unreachable_alertmanager_is_reported_once_and_detection_says_source_unreachable()
    {
        await using var target = new SwitchableTarget();
        var nobody = FreePorts.FindRange(1);
        var drill = Load(target.Url, $"http://127.0.0.1:{nobody.ToString(CultureInfo.InvariantCulture)}", webhook: FreePorts.FindRange(1));

        var result = await RunAsync(drill, new RunRequest { Seed = 1, Trigger = "test" });

        Assert.Single(result.Timeline.Events, e => e.Kind == EventKinds.AlertSourceUnreachable);
        var detect = result.Score!.Objectives.Single(o => o.Kind == "detect");
        Assert.False(detect.Met);
        Assert.Equal("not detected: source unreachable", ObjectiveText.Achieved(detect));
        Assert.Equal("not detected: source unreachable", ObjectiveText.Achieved(result.Score.Objectives.Single(o => o.Kind == "alert")));
    }

    [Fact]
    public async Task A_webhook_port_in_use_stops_the_run_before_anything_starts()
    {
        await using var target = new SwitchableTarget();
        using var busy = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        busy.Start();
        var port = ((System.Net.IPEndPoint)busy.LocalEndpoint).Port;
        var drill = Load(target.Url, "http://127.0.0.1:1", port);
        var journal = new SqliteJournalStore(Path.Combine(_folder.Path, "journal.db"));
        var driver = await UpAsync(drill);
        var engine = new DrillEngine(TestCatalog.Create(), journal, new FileEnvironmentLock(Path.Combine(_folder.Path, "locks")), TimeProvider.System);

        var ex = await Assert.ThrowsAsync<Drivers.DriverException>(() => engine.RunAsync(drill, driver, new RunRequest { Trigger = "test" }, CancellationToken.None));

        Assert.Contains($"port {port}", ex.Message, StringComparison.Ordinal);
        Assert.Empty(await journal.FindRunsAsync(new RunQuery(Limit: 10), CancellationToken.None));
        Assert.DoesNotContain(driver.Calls, c => c.StartsWith("kill", StringComparison.Ordinal));
    }

    private LoadedDrill Load(string target, string alertmanager, int webhook)
    {
        _folder.Write("environments/test-shop.yaml", TestEnvironments.Shop);
        return new DrillLoader(TestCatalog.Create()).Load(_folder.Write("drill.yaml", $"""
            name: detect-through-alertmanager
            environment: test-shop
            alerts:
              kind: alertmanager
              url: {alertmanager}
              match: {"{"} service: drill-test {"}"}
              interval: 1s
              webhook: {"{"} port: {webhook.ToString(CultureInfo.InvariantCulture)} {"}"}
            preflight:
              window: 1s
              timeout: 10s
            probes:
              - name: target
                kind: http
                url: {target}
                interval: 250ms
                timeout: 1s
            steps:
              - name: lose-one
                kind: kill
                at: 1s
                service: app
                count: 1
                duration: 6s
            objectives:
              - kind: detect
                target: 10s
              - kind: alert
                name: ShopSlow
                within: 10s
            recovery:
              consecutiveSamples: 2
              deadline: 3s
            """));
    }

    private async Task<RunResult> RunAsync(LoadedDrill drill, RunRequest request)
    {
        var driver = await UpAsync(drill);
        var engine = new DrillEngine(TestCatalog.Create(), new SqliteJournalStore(Path.Combine(_folder.Path, "journal.db")), new FileEnvironmentLock(Path.Combine(_folder.Path, "locks")), TimeProvider.System);
        return await engine.RunAsync(drill, driver, request, CancellationToken.None);
    }

    private static async Task<FakeDriver> UpAsync(LoadedDrill drill)
    {
        var driver = new FakeDriver(drill.Environment);
        await driver.UpAsync(new Progress<string>(), CancellationToken.None);
        return driver;
    }

    private static ScoringInput Input(RunResult result) => new(result.Timeline, result.Changes, result.Window!, result.Recovery!);

    private sealed class Events(Action<TimelineEvent> handler) : IProgress<TimelineEvent>
    {
        public void Report(TimelineEvent value) => handler(value);
    }
}
