using DrillRunner.Engine;
using DrillRunner.Journal;
using DrillRunner.Loading;
using DrillRunner.Steps.Configure;
using DrillRunner.Testing;
using DrillRunner.Testing.Fakes;
using DrillRunner.Timeline;

namespace DrillRunner.Core.Tests.Steps;

/// <summary>Undoing a bad deploy when an autoscaler scaled the service while it was in force.</summary>
public sealed class RestoreSettingsUndoTests : IDisposable
{
    private static readonly Dictionary<string, string?> Bad = new(StringComparer.Ordinal) { ["MAX_CONCURRENCY"] = "1" };
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Instances_cloned_with_the_injected_settings_are_rolled_back_and_instances_scaled_in_are_skipped()
    {
        var (context, driver) = await UpAsync();
        var record = new UndoRecord("misconfigure", "app-1, app-2, app-3", new SettingsPayload(
            [.. new[] { 1, 2, 3 }.Select(i => new InstanceSettingsSnapshot(Id(i), new Dictionary<string, string?> { ["MAX_CONCURRENCY"] = "64" }))])
        {
            Service = "app",
            Injected = Bad,
        }.ToJson());
        foreach (var i in new[] { 1, 2, 3 })
        {
            await driver.ReconfigureAsync(Id(i), Bad, CancellationToken.None);
        }

        // During the fault an autoscaler added app-4 and app-5 cloned from app-1 (bad), and app-6 after a fix (good);
        // then it scaled in: app-3's record outlives the instance.
        await driver.ScaleAsync("app", 6, CancellationToken.None);
        await driver.ReconfigureAsync(Id(4), Bad, CancellationToken.None);
        await driver.ReconfigureAsync(Id(5), Bad, CancellationToken.None);
        await driver.RemoveAsync(Id(3));

        var detail = await new RestoreSettingsUndo().UndoAsync(context, record, CancellationToken.None);

        foreach (var i in new[] { 1, 2, 4, 5, 6 })
        {
            Assert.Equal("64", driver[Id(i)].Settings["MAX_CONCURRENCY"]);
        }

        Assert.DoesNotContain($"reconfigure {Id(6)}", driver.Calls);
        Assert.Contains($"restored settings of {Id(1)}, {Id(2)}", detail, StringComparison.Ordinal);
        Assert.Contains($"rolled back {Id(4)}, {Id(5)}", detail, StringComparison.Ordinal);
        Assert.Contains($"{Id(3)} no longer exists (scaled in): nothing to restore there", detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_record_written_before_services_were_recorded_restores_only_its_instances()
    {
        var (context, driver) = await UpAsync();
        var record = new UndoRecord("misconfigure", "app-1", $$$"""{"instances":[{"instance":"{{{Id(1)}}}","settings":{"MAX_CONCURRENCY":"64"}}]}""");
        await driver.ReconfigureAsync(Id(1), Bad, CancellationToken.None);
        await driver.ReconfigureAsync(Id(2), Bad, CancellationToken.None);

        await new RestoreSettingsUndo().UndoAsync(context, record, CancellationToken.None);

        Assert.Equal("64", driver[Id(1)].Settings["MAX_CONCURRENCY"]);
        Assert.Equal("1", driver[Id(2)].Settings["MAX_CONCURRENCY"]);
    }

    private static string Id(int index) => $"test-shop-app-{index}";

    private async Task<(StepContext Context, FakeDriver Driver)> UpAsync()
    {
        var environment = EnvironmentLoader.Load(_folder.Write("environments/test-shop.yaml", TestEnvironments.Shop));
        var driver = new FakeDriver(environment);
        await driver.UpAsync(new Progress<string>(), CancellationToken.None);
        var context = new StepContext { RunId = "r", Environment = environment, Driver = driver, Time = TimeProvider.System, Timeline = new RunTimeline() };
        return (context, driver);
    }
}
