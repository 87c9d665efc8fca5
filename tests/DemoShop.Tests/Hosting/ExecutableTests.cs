using System.Diagnostics;
using System.Globalization;
using System.Net;
using Xunit.Abstractions;

namespace DemoShop.Tests.Hosting;

public sealed class ExecutableTests(ITestOutputHelper output)
{
    [Fact]
    public async Task The_executable_takes_its_settings_from_environment_variables_and_starts_fast()
    {
        var port = FreePort.Next();
        var executable = Path.Combine(AppContext.BaseDirectory, OperatingSystem.IsWindows() ? "DemoShop.exe" : "DemoShop");
        var start = new ProcessStartInfo(executable) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        start.Environment["ASPNETCORE_URLS"] = string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}");
        start.Environment["Shop__InstanceName"] = "from-env";
        start.Environment["Shop__MaxConcurrentRequests"] = "8";
        using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(2) };
        var stopwatch = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        try
        {
            HttpResponseMessage? health = null;
            while (health is null && stopwatch.Elapsed < TimeSpan.FromSeconds(15) && !process.HasExited)
            {
                try
                {
                    health = await client.GetAsync(new Uri("/health", UriKind.Relative));
                }
                catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
                {
                    // Not listening yet, or (on a loaded machine) not answering within the client's timeout yet.
                    await Task.Delay(TimeSpan.FromMilliseconds(25), TimeProvider.System);
                }
            }

            output.WriteLine($"first healthy answer after {stopwatch.ElapsedMilliseconds} ms");
            Assert.NotNull(health);
            Assert.Equal(HttpStatusCode.OK, health.StatusCode);
            Assert.Equal("from-env", health.Headers.GetValues("X-Shop-Instance").Single());
            Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(5), $"startup took {stopwatch.Elapsed}");
            var metrics = await client.GetStringAsync(new Uri("/metrics", UriKind.Relative));
            Assert.Contains("shop_requests_total{route=\"/health\",method=\"GET\",status=\"200\"} 1", metrics, StringComparison.Ordinal);
            Assert.Contains("shop_request_duration_seconds_bucket{le=\"+Inf\"}", metrics, StringComparison.Ordinal);
            // No token configured: the chaos control surface does not exist.
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri("/_chaos", UriKind.Relative))).StatusCode);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }

            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10), TimeProvider.System);
        }
    }
}
