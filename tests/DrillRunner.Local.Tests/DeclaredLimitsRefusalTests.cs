using DrillRunner.Drivers;
using DrillRunner.Model;
using DrillRunner.Units;

namespace DrillRunner.Local.Tests;

/// <summary>
/// Declared <c>limits:</c> cannot hold on local processes (a supervisor's restart starts one without them): an
/// environment that reaches the local driver anyway (<c>driver: auto</c> without an engine) is refused, not run unlimited.
/// </summary>
public sealed class DeclaredLimitsRefusalTests
{
    [Fact]
    public async Task The_local_driver_is_unavailable_for_an_environment_with_declared_limits_and_starts_nothing()
    {
        var sleeper = LocalTestBed.Sleeper(instances: 1);
        await using var bed = LocalTestBed.Create(new ServiceSpec
        {
            Name = sleeper.Name,
            Instances = 1,
            Command = sleeper.Command,
            Args = sleeper.Args,
            Limits = new LimitsSpec { Memory = new ByteSize(64L << 20) },
        });

        var availability = await bed.Driver.CheckAsync(default);
        var up = await Assert.ThrowsAsync<DriverException>(bed.UpAsync);

        Assert.False(availability.IsAvailable);
        Assert.Contains("service 'worker' declares limits", availability.Detail, StringComparison.Ordinal);
        Assert.Contains("local driver cannot hold declared limits", up.Message, StringComparison.Ordinal);
        Assert.Null(bed.State);
        Assert.Empty(await bed.Driver.ListInstancesAsync("worker", default));
    }
}
