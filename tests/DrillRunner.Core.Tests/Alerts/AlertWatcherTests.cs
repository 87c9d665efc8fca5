using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using DrillRunner.Alerts;
using DrillRunner.Model;
using DrillRunner.Testing;
using DrillRunner.Timeline;

namespace DrillRunner.Core.Tests.Alerts;

/// <summary>The alert watcher against a real Prometheus evaluating real rules.</summary>
public sealed class AlertWatcherTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [PrometheusFact]
    public async Task A_firing_prometheus_alert_that_matches_is_recorded_once_and_others_are_ignored()
    {
        var port = FreePort();
        _folder.Write("rules.yml", """
            groups:
              - name: drill
                interval: 1s
                rules:
                  - alert: ShopErrors
                    expr: vector(1)
                    for: 2s
                    labels: { team: shop }
                  - alert: Unrelated
                    expr: vector(1)
            """);
        var config = _folder.Write("prometheus.yml", "global: { evaluation_interval: 1s }\nrule_files: [rules.yml]\n");
        using var prometheus = Process.Start(new ProcessStartInfo(PrometheusFactAttribute.Binary)
        {
            ArgumentList = { $"--config.file={config}", $"--web.listen-address=127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}", $"--storage.tsdb.path={Path.Combine(_folder.Path, "data")}" },
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        })!;
        try
        {
            var timeline = new RunTimeline();
            var source = new AlertSourceSpec { Url = $"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}", Match = new Dictionary<string, string> { ["team"] = "shop" } };
            using var http = new HttpClient();
            var watcher = new AlertWatcher(source, http, timeline, TimeProvider.System);

            var started = TimeProvider.System.GetTimestamp();
            while (timeline.Snapshot().Alerts.Count == 0 && TimeProvider.System.GetElapsedTime(started) < TimeSpan.FromSeconds(30))
            {
                await watcher.PollOnceAsync(CancellationToken.None);
                await Task.Delay(TimeSpan.FromMilliseconds(300), TimeProvider.System);
            }

            var seen = TimeProvider.System.GetUtcNow();
            await Task.Delay(TimeSpan.FromMilliseconds(1200), TimeProvider.System);
            await watcher.PollOnceAsync(CancellationToken.None);
            var alert = Assert.Single(timeline.Snapshot().Alerts);
            Assert.Equal("ShopErrors", alert.Name);
            Assert.Null(alert.ReceivedAt);

            // Timed by the rule's activeAt plus its 2 s 'for', not by the poll that saw it.
            Assert.True(alert.FiredAt <= seen, $"fired {alert.FiredAt:HH:mm:ss.fff}, seen {seen:HH:mm:ss.fff}");
            Assert.True(alert.FiredAt > seen - TimeSpan.FromSeconds(30));
            var event_ = Assert.Single(timeline.Snapshot().Events, e => e.Kind == EventKinds.Alert);
            Assert.Equal(alert.FiredAt, event_.At);
            Assert.Contains("alert ShopErrors fired (seen by polling", event_.Message, StringComparison.Ordinal);
        }
        finally
        {
            prometheus.Kill();
            await prometheus.WaitForExitAsync();
        }
    }

    [Fact]
    public async Task An_unreachable_alert_source_is_recorded_once_as_the_reason()
    {
        var timeline = new RunTimeline();
        using var http = new HttpClient();
        var watcher = new AlertWatcher(new AlertSourceSpec { Url = $"http://127.0.0.1:{FreePort().ToString(CultureInfo.InvariantCulture)}" }, http, timeline, TimeProvider.System);

        await watcher.PollOnceAsync(CancellationToken.None);
        await watcher.PollOnceAsync(CancellationToken.None);

        var note = Assert.Single(timeline.Snapshot().Events);
        Assert.Equal(EventKinds.AlertSourceUnreachable, note.Kind);
        Assert.StartsWith("alert source http://127.0.0.1:", note.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_poll_in_flight_when_the_run_stops_ends_the_watcher_quietly()
    {
        // A source that accepts the connection and never answers: the stop cancels the poll mid-read.
        using var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        var port = ((IPEndPoint)silent.LocalEndpoint).Port;
        var timeline = new RunTimeline();
        using var http = new HttpClient();
        using var stop = new CancellationTokenSource();
        var watcher = new AlertWatcher(new AlertSourceSpec { Url = $"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}" }, http, timeline, TimeProvider.System);
        var running = watcher.RunAsync(stop.Token);
        using var accepted = await silent.AcceptTcpClientAsync();

        await stop.CancelAsync();
        await running;

        Assert.True(running.IsCompletedSuccessfully);
        Assert.Empty(timeline.Snapshot().Events);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
