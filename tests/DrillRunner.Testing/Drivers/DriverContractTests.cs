using DrillRunner.Drivers;
using Xunit;

namespace DrillRunner.Testing.Drivers;

/// <summary>
/// The behaviour every driver must show. A subclass provides a driver over an environment with one
/// service <see cref="Service"/>: 2 instances on <see cref="FirstPort"/> and up (3 free ports are
/// reserved for scaling), health path <c>/health</c>, setting <see cref="MarkerSetting"/> =
/// <see cref="InitialMarker"/>, and ideally a restart policy, so "kill does not restart" means something.
/// Each test starts from a fresh <c>up</c> and ends with <c>down</c> plus <see cref="CleanupAsync"/>.
/// </summary>
public abstract partial class DriverContractTests : IAsyncLifetime
{
    public const string Service = "app";
    public const string MarkerSetting = "DRILL_CONTRACT_MARKER";
    public const string InitialMarker = "initial";
    public const string HealthPath = "/health";

    private IEnvironmentDriver? _driver;

    protected int FirstPort { get; } = FreePorts.FindRange(3);

    protected IEnvironmentDriver Driver => _driver ?? throw new InvalidOperationException("driver not created yet");

    /// <summary>How long an instance may take to run and pass its health check.</summary>
    protected virtual TimeSpan ReadyTimeout => TimeSpan.FromSeconds(60);

    /// <summary>How long a killed instance must stay down: longer than the environment's restart delay.</summary>
    protected virtual TimeSpan NoRestartWindow => TimeSpan.FromSeconds(3);

    protected abstract Task<IEnvironmentDriver> CreateDriverAsync();

    /// <summary>Removes what the driver left outside its own <c>down</c> (state folders, images).</summary>
    protected virtual Task CleanupAsync() => Task.CompletedTask;

    public async Task InitializeAsync()
    {
        _driver = await CreateDriverAsync();
        using var timeout = new CancellationTokenSource(ReadyTimeout + TimeSpan.FromSeconds(30), TimeProvider.System);
        await _driver.UpAsync(new Progress<string>(), timeout.Token);
    }

    public async Task DisposeAsync()
    {
        try
        {
            if (_driver is not null)
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60), TimeProvider.System);
                await _driver.DownAsync(new Progress<string>(), timeout.Token);
                await _driver.DisposeAsync();
            }
        }
        finally
        {
            await CleanupAsync();
        }
    }

    protected async Task<IReadOnlyList<InstanceInfo>> InstancesAsync() =>
        [.. (await Driver.ListInstancesAsync(Service, CancellationToken.None)).OrderBy(i => i.Id, StringComparer.Ordinal)];

    protected async Task<string> FirstInstanceIdAsync() => (await InstancesAsync())[0].Id;

    protected Task<InstanceInfo> UntilAsync(string id, Func<InstanceInfo, bool> condition, string what) =>
        DriverWaits.UntilAsync(Driver, id, condition, ReadyTimeout, what);

    protected Task<InstanceInfo> UntilUpAsync(string id) => UntilAsync(id, DriverWaits.IsUp, "running and healthy");

    protected Task<InstanceInfo> UntilDownAsync(string id) =>
        UntilAsync(id, i => i.State is not (InstanceState.Running or InstanceState.Paused), "down");

    protected static Task<bool> AnswersAsync(InstanceInfo info, TimeSpan timeout) =>
        DriverWaits.AnswersAsync(info.Endpoint ?? throw new InvalidOperationException($"{info.Id} has no endpoint"), HealthPath, timeout);
}
