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
            while (!timeline.Snapshot().Events.Any(e => e.Kind == EventKinds.Alert) && TimeProvider.System.GetElapsedTime(started) < TimeSpan.FromSeconds(30))
            {
                await watcher.PollOnceAsync(CancellationToken.None);
                await Task.Delay(TimeSpan.FromMilliseconds(300), TimeProvider.System);
            }

            await watcher.PollOnceAsync(CancellationToken.None);
            var alerts = timeline.Snapshot().Events.Where(e => e.Kind == EventKinds.Alert).ToList();
            var alert = Assert.Single(alerts);
            Assert.Contains("alert ShopErrors firing", alert.Message, StringComparison.Ordinal);
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
        Assert.StartsWith("alert source http://127.0.0.1:", note.Message, StringComparison.Ordinal);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
