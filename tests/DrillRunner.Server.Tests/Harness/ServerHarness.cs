using System.Net.Http.Json;
using System.Text.Json;
using DrillRunner.Hosting;
using DrillRunner.Security;
using DrillRunner.Testing;
using DrillRunner.Testing.Fakes;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DrillRunner.Server.Tests.Harness;

/// <summary>
/// A real drill server on Kestrel (127.0.0.1, free port) over a temporary drills folder with the fake driver, and
/// HTTP clients for each role.
/// </summary>
internal sealed class ServerHarness : IAsyncDisposable
{
    public const string ViewerKey = "viewer-key-1";
    public const string OperatorKey = "operator-key-1";
    public const string AdminKey = "admin-key-1";

    private readonly IReadOnlyDictionary<string, string?>? _settings;

    private ServerHarness(TempFolder folder, WebApplication app, Uri address, FakeDriverFactory drivers, IReadOnlyDictionary<string, string?>? settings)
    {
        Folder = folder;
        App = app;
        Address = address;
        Drivers = drivers;
        _settings = settings;
    }


    public TempFolder Folder { get; }

    public WebApplication App { get; private set; }

    public Uri Address { get; }

    public FakeDriverFactory Drivers { get; }

    public string DrillsDirectory => Path.Combine(Folder.Path, "drills");

    /// <summary>
    /// Starts a server; <paramref name="before"/> may prepare its state folder and fake environments first. Servers
    /// given one <paramref name="drivers"/> share its fake environments, as runners share a Docker engine.
    /// </summary>
    public static async Task<ServerHarness> StartAsync(
        IReadOnlyDictionary<string, string> drills,
        IReadOnlyDictionary<string, string?>? settings = null,
        Func<string, FakeDriverFactory, Task>? before = null,
        FakeDriverFactory? drivers = null)
    {
        var folder = new TempFolder();
        var drillsDirectory = Path.Combine(folder.Path, "drills");
        Directory.CreateDirectory(Path.Combine(drillsDirectory, "environments"));
        await File.WriteAllTextAsync(Path.Combine(drillsDirectory, "environments", "fake-shop.yaml"), TestDrills.Environment);
        foreach (var (name, text) in drills)
        {
            await File.WriteAllTextAsync(Path.Combine(drillsDirectory, name + ".yaml"), text);
        }

        drivers ??= new FakeDriverFactory();
        if (before is not null)
        {
            await before(Path.Combine(folder.Path, "state"), drivers);
        }

        var address = new Uri($"http://127.0.0.1:{FreePort.Next()}");
        var app = await StartAppAsync(address, folder, drivers, settings);
        return new ServerHarness(folder, app, address, drivers, settings);
    }

    /// <summary>Stops the server and starts a new one on the same address, state and drills (a restart).</summary>
    public async Task RestartAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
        App = await StartAppAsync(Address, Folder, Drivers, _settings);
    }

    private static async Task<WebApplication> StartAppAsync(Uri address, TempFolder folder, FakeDriverFactory drivers, IReadOnlyDictionary<string, string?>? settings)
    {
        var app = DrillRunner.ServerApp.Create(address.ToString().TrimEnd('/'), builder =>
        {
            builder.Logging.ClearProviders();
            if (Environment.GetEnvironmentVariable("DRILLRUNNER_TEST_LOGS") == "1")
            {
                builder.Logging.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Information);
            }

            builder.Configuration.AddInMemoryCollection(Settings(folder.Path, Path.Combine(folder.Path, "drills"), settings));
            builder.Services.AddSingleton(new RunnerExtras { DriverFactories = [drivers], CustomizeCatalog = AddTestComponents });
        });
        await app.StartAsync();
        return app;
    }

    public HttpClient Client(string? key)
    {
        var client = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(30) };
        if (key is not null)
        {
            client.DefaultRequestHeaders.Add(ApiKeyAuthenticationHandler.Header, key);
        }

        return client;
    }

    public async Task<string> TriggerAsync(string drill, string ifBusy = "queue")
    {
        using var client = Client(OperatorKey);
        using var response = await client.PostAsJsonAsync($"/api/drills/{drill}/runs", new { reason = "test", ifBusy });
        Assert.Equal(System.Net.HttpStatusCode.Accepted, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }

    public async Task<JsonElement> GetRunAsync(string runId)
    {
        using var client = Client(ViewerKey);
        return await client.GetFromJsonAsync<JsonElement>($"/api/runs/{runId}");
    }

    /// <summary>Polls until the run is no longer queued or running (or <paramref name="until"/> holds); bounded.</summary>
    public async Task<JsonElement> WaitAsync(string runId, Func<JsonElement, bool>? until = null, int seconds = 60)
    {
        var deadline = TimeProvider.System.GetUtcNow().AddSeconds(seconds);
        while (TimeProvider.System.GetUtcNow() < deadline)
        {
            var view = await GetRunAsync(runId);
            var status = view.GetProperty("run").GetProperty("status").GetString();
            if (until is null ? status is not ("queued" or "running") : until(view))
            {
                return view;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100), TimeProvider.System);
        }

        var last = await GetRunAsync(runId);
        var monitor = App.Services.GetRequiredService<Hangfire.JobStorage>().GetMonitoringApi();
        var failed = string.Join("; ", monitor.FailedJobs(0, 10).Select(j => $"{j.Value.ExceptionType}: {j.Value.ExceptionMessage}"));
        var stats = monitor.GetStatistics();
        throw new TimeoutException($"run {runId} did not reach the expected state in {seconds}s: status {last.GetProperty("run").GetProperty("status")}, "
            + $"live {last.GetProperty("live")}; hangfire enqueued {stats.Enqueued} processing {stats.Processing} failed {stats.Failed}: {failed}");
    }

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
        Folder.Dispose();
    }

    public static void AddTestComponents(Catalog.DrillCatalog catalog) =>
        catalog.AddProbe<ServiceUpProbeOptions>("service-up", o => new ServiceUpProbe(o));

    private static Dictionary<string, string?> Settings(string root, string drills, IReadOnlyDictionary<string, string?>? extra)
    {
        var settings = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["DrillRunner:DrillsDirectory"] = drills,
            ["DrillRunner:StateDirectory"] = Path.Combine(root, "state"),
            ["DrillRunner:ReportDirectory"] = Path.Combine(root, "reports"),
        };
        string[][] keys = [["viewer", ViewerKey, Roles.Viewer], ["operator", OperatorKey, Roles.Operator], ["admin", AdminKey, Roles.Admin]];
        for (var i = 0; i < keys.Length; i++)
        {
            settings[$"DrillRunner:ApiKeys:{i}:Name"] = keys[i][0];
            settings[$"DrillRunner:ApiKeys:{i}:Hash"] = ApiKeyHash.Compute(keys[i][1]);
            settings[$"DrillRunner:ApiKeys:{i}:Role"] = keys[i][2];
        }

        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        return settings;
    }
}
