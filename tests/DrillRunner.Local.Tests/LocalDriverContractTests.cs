using DrillRunner.Drivers;
using DrillRunner.Testing.Drivers;

namespace DrillRunner.Local.Tests;

/// <summary>The shared driver contract, run against DemoShop processes under the local supervisor.</summary>
public sealed class LocalDriverContractTests : DriverContractTests
{
    private LocalTestBed? _bed;

    // A restart policy shorter than the no-restart window: a kill that the supervisor restarted would show.
    protected override TimeSpan NoRestartWindow => TimeSpan.FromSeconds(2.5);

    protected override Task<IEnvironmentDriver> CreateDriverAsync()
    {
        _bed = LocalTestBed.Create(LocalTestBed.DemoShop(FirstPort, restartAfter: TimeSpan.FromSeconds(1)));
        return Task.FromResult<IEnvironmentDriver>(_bed.Driver);
    }

    protected override async Task CleanupAsync()
    {
        if (_bed is not null)
        {
            await _bed.DisposeAsync();
        }
    }
}
