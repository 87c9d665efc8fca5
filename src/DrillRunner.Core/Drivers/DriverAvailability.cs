namespace DrillRunner.Drivers;

/// <summary>Outcome of <see cref="IEnvironmentDriver.CheckAsync"/>: a reason the user can act on when unavailable.</summary>
public sealed record DriverAvailability(bool IsAvailable, string Detail)
{
    public static DriverAvailability Available(string detail) => new(true, detail);

    public static DriverAvailability Unavailable(string reason) => new(false, reason);
}
