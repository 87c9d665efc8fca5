using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using DrillRunner.Drivers;
using DrillRunner.Loading;
using DrillRunner.Local;
using DrillRunner.Testing;
using DrillRunner.Testing.Drivers;
using DrillRunner.Traffic;

namespace DemoShop.Autoscaler.Tests;

/// <summary>
/// The autoscaler as a process of a local environment (real supervisor, real DemoShop app servers and load balancer),
/// scaling through the supervisor's control API when real traffic overloads the app. What DrillRunner sees is read
/// through the local driver, as the scale-out objective reads it.
/// </summary>
public sealed class AutoscalerOnLocalDriverTests
{
    [Fact]
    public async Task Overload_makes_the_autoscaler_add_app_servers_up_to_its_max_and_quiet_removes_them_after_the_cool_down()
    {
        await using var bed = await Bed.UpAsync(maxReplicas: 3);

        var healthy = await bed.UnderLoadAsync(until: count => count >= 3, limit: TimeSpan.FromSeconds(40));

        Assert.Equal(3, healthy);
        var instances = await bed.Driver.ListInstancesAsync("app", CancellationToken.None);
        Assert.Equal(3, instances.Count);
        Assert.All(instances, i => Assert.Equal(InstanceHealth.Healthy, i.Health));
        var events = await bed.EventsAsync(count: 1, limit: TimeSpan.FromSeconds(10));
        Assert.Contains("scaled 1 -> 3", events[0].GetString(), StringComparison.Ordinal);

        // No load: after the 3 s cool-down the autoscaler goes back to its minimum, through the supervisor.
        var left = await bed.QuietAsync(until: count => count == 1, limit: TimeSpan.FromSeconds(30));
        Assert.Equal(1, left);
        events = await bed.EventsAsync(count: 2, limit: TimeSpan.FromSeconds(10));
        Assert.Contains("scaled 3 -> 1", events[1].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_max_replicas_of_one_keeps_the_overloaded_service_at_one()
    {
        await using var bed = await Bed.UpAsync(maxReplicas: 1);

        var healthy = await bed.UnderLoadAsync(until: count => count > 1, limit: TimeSpan.FromSeconds(12));

        Assert.Equal(1, healthy);
        var status = bed.LastStatusUnderLoad!.Value;
        Assert.True(status.GetProperty("inFlight").GetDouble() > 1, status.ToString());
        Assert.Equal(1, status.GetProperty("desired").GetInt32());
        Assert.Equal(0, status.GetProperty("events").GetArrayLength());
    }

    /// <summary>An environment file with one slow app server, a load balancer over three ports and the autoscaler.</summary>
    private sealed class Bed : IAsyncDisposable
    {
        private readonly TempFolder _folder;
        private readonly int _port;
        private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(5) };

        private Bed(TempFolder folder, int port, IEnvironmentDriver driver)
        {
            _folder = folder;
            _port = port;
            Driver = driver;
        }

        public IEnvironmentDriver Driver { get; }

        /// <summary>The autoscaler's <c>/status</c> at the end of the load, before it stopped.</summary>
        public JsonElement? LastStatusUnderLoad { get; private set; }

        public static async Task<Bed> UpAsync(int maxReplicas)
        {
            var folder = new TempFolder();
            var port = FreePorts.FindRange(5);
            var bin = AppContext.BaseDirectory;
            string P(int offset) => (port + offset).ToString(CultureInfo.InvariantCulture);
            var file = folder.Write("environments/scaling.yaml", $$"""
                name: scaling-{{Guid.NewGuid().ToString("N")[..8]}}
                driver: local
                allowlist: [127.0.0.1]
                services:
                  lb:
                    instances: 1
                    port: {{P(0)}}
                    command: dotnet
                    args: ["{{bin}}DemoShop.dll"]
                    healthPath: /health
                    settings:
                      ASPNETCORE_URLS: http://127.0.0.1:{port}
                      Shop__Role: lb
                      Shop__BackendPorts: {{P(1)}}-{{P(3)}}
                      Shop__HealthIntervalMilliseconds: "300"
                  app:
                    instances: 1
                    maxInstances: 3
                    port: {{P(1)}}
                    command: dotnet
                    args: ["{{bin}}DemoShop.dll"]
                    healthPath: /health
                    settings:
                      ASPNETCORE_URLS: http://127.0.0.1:{port}
                      Shop__MaxConcurrentRequests: "1"
                      Shop__WorkMilliseconds: "50"
                  autoscaler:
                    instances: 1
                    port: {{P(4)}}
                    command: dotnet
                    args: ["{{bin}}DemoShop.Autoscaler.dll"]
                    healthPath: /health
                    settings:
                      ASPNETCORE_URLS: http://127.0.0.1:{port}
                      Autoscaler__Environment: "{environmentFile}"
                      Autoscaler__MetricsUrl: http://127.0.0.1:{{P(0)}}/metrics
                      Autoscaler__MinReplicas: "1"
                      Autoscaler__MaxReplicas: "{{maxReplicas}}"
                      Autoscaler__ScaleOutAfterSeconds: "1"
                      Autoscaler__CoolDownSeconds: "3"
                """);
            var environment = EnvironmentLoader.Load(file);
            var driver = new LocalDriverFactory(new LocalDriverOptions { StateRoot = Path.Combine(folder.Path, "state"), StopGrace = TimeSpan.FromSeconds(2) })
                .Create(environment, TimeProvider.System);
            var bed = new Bed(folder, port, driver);
            try
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90), TimeProvider.System);
                await driver.UpAsync(new Progress<string>(), timeout.Token);
            }
            catch
            {
                await bed.DisposeAsync();
                throw;
            }

            return bed;
        }

        /// <summary>
        /// 40 requests a second (twice what one app server with one slot of 50 ms holds) through the load balancer
        /// until <paramref name="until"/> holds for the healthy app servers or the limit passes; returns the last count.
        /// </summary>
        public async Task<int> UnderLoadAsync(Func<int, bool> until, TimeSpan limit)
        {
            using var stop = new CancellationTokenSource();
            var plan = new LoadPlan
            {
                Target = new Uri($"http://127.0.0.1:{_port.ToString(CultureInfo.InvariantCulture)}/products"),
                AllowedHosts = ["127.0.0.1"],
                Profile = ArrivalProfile.Constant(40, limit + TimeSpan.FromSeconds(5)),
                Duration = limit + TimeSpan.FromSeconds(5),
                Timeout = TimeSpan.FromSeconds(3),
                Connections = 64,
                Users = 20,
            };
            var load = LoadGenerator.RunAsync(plan, null, TimeProvider.System, stop.Token);
            var started = TimeProvider.System.GetTimestamp();
            var healthy = 0;
            while (TimeProvider.System.GetElapsedTime(started) < limit)
            {
                var instances = await Driver.ListInstancesAsync("app", CancellationToken.None);
                healthy = instances.Count(i => i.State == InstanceState.Running && i.Health == InstanceHealth.Healthy);
                if (until(healthy))
                {
                    break;
                }

                await Task.Delay(TimeSpan.FromMilliseconds(250), TimeProvider.System);
            }

            LastStatusUnderLoad = await StatusAsync();
            await stop.CancelAsync();
            await load;
            return healthy;
        }

        /// <summary>Waits without load until <paramref name="until"/> holds for the number of app instances; returns the last count.</summary>
        public async Task<int> QuietAsync(Func<int, bool> until, TimeSpan limit)
        {
            var started = TimeProvider.System.GetTimestamp();
            var count = -1;
            while (TimeProvider.System.GetElapsedTime(started) < limit)
            {
                count = (await Driver.ListInstancesAsync("app", CancellationToken.None)).Count;
                if (until(count))
                {
                    break;
                }

                await Task.Delay(TimeSpan.FromMilliseconds(250), TimeProvider.System);
            }

            return count;
        }

        /// <summary>
        /// The autoscaler's events once it has recorded <paramref name="count"/> (or the limit passes): it records a
        /// scaling after the supervisor's call returns, which can be after the driver already lists the new count.
        /// </summary>
        public async Task<JsonElement[]> EventsAsync(int count, TimeSpan limit)
        {
            var started = TimeProvider.System.GetTimestamp();
            while (true)
            {
                var events = (await StatusAsync()).GetProperty("events").EnumerateArray().ToArray();
                if (events.Length >= count || TimeProvider.System.GetElapsedTime(started) >= limit)
                {
                    Assert.True(events.Length >= count, $"the autoscaler recorded {events.Length} events, not {count}");
                    return events;
                }

                await Task.Delay(TimeSpan.FromMilliseconds(200), TimeProvider.System);
            }
        }

        public async Task<JsonElement> StatusAsync() =>
            await _http.GetFromJsonAsync<JsonElement>(new Uri($"http://127.0.0.1:{(_port + 4).ToString(CultureInfo.InvariantCulture)}/status"));

        public async ValueTask DisposeAsync()
        {
            try
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60), TimeProvider.System);
                await Driver.DownAsync(new Progress<string>(), timeout.Token);
                await Driver.DisposeAsync();
            }
            finally
            {
                _http.Dispose();
                _folder.Dispose();
            }
        }
    }
}
