using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using DrillRunner.Testing.Drivers;

namespace DrillRunner.Testing;

/// <summary>
/// A real Alertmanager on a free port of 127.0.0.1 whose only route notifies <c>http://127.0.0.1:PORT/alertmanager</c>
/// after <c>group_wait</c>. Alerts are posted to its API as Prometheus would.
/// </summary>
public sealed class AlertmanagerProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(5) };

    private AlertmanagerProcess(Process process, Uri url)
    {
        _process = process;
        Url = url;
    }

    public Uri Url { get; }

    public static async Task<AlertmanagerProcess> StartAsync(TempFolder folder, int webhookPort, TimeSpan groupWait)
    {
        ArgumentNullException.ThrowIfNull(folder);
        var port = FreePorts.FindRange(1);
        var config = folder.Write("alertmanager.yml", $$"""
            route:
              receiver: drill
              group_by: [alertname]
              group_wait: {{(int)groupWait.TotalMilliseconds}}ms
              group_interval: 1m
              repeat_interval: 1h
            receivers:
              - name: drill
                webhook_configs:
                  - url: http://127.0.0.1:{{webhookPort}}/alertmanager
                    send_resolved: false
            """);
        var info = new ProcessStartInfo(AlertmanagerFactAttribute.Binary)
        {
            ArgumentList =
            {
                $"--config.file={config}",
                $"--web.listen-address=127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}",
                $"--storage.path={Path.Combine(folder.Path, "alertmanager-data")}",
                "--cluster.listen-address=",
            },
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };
        var process = Process.Start(info) ?? throw new InvalidOperationException("could not start Alertmanager");
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        var alertmanager = new AlertmanagerProcess(process, new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}"));
        await alertmanager.WaitReadyAsync();
        return alertmanager;
    }

    /// <summary>Posts one firing alert starting at <paramref name="startsAt"/>, as Prometheus sends it.</summary>
    public async Task FireAsync(IReadOnlyDictionary<string, string> labels, DateTimeOffset startsAt)
    {
        using var response = await _http.PostAsJsonAsync(new Uri(Url, "/api/v2/alerts"), new[] { new { labels, startsAt } });
        response.EnsureSuccessStatusCode();
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private async Task WaitReadyAsync()
    {
        var started = TimeProvider.System.GetTimestamp();
        while (TimeProvider.System.GetElapsedTime(started) < TimeSpan.FromSeconds(20))
        {
            try
            {
                using var response = await _http.GetAsync(new Uri(Url, "/-/ready"));
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }

            if (_process.HasExited)
            {
                throw new InvalidOperationException($"Alertmanager exited with code {_process.ExitCode}");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100), TimeProvider.System);
        }

        throw new TimeoutException($"Alertmanager at {Url} not ready within 20s");
    }
}
