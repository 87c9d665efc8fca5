namespace DrillRunner.Drivers;

/// <summary>Outcome of <see cref="IEnvironmentDriver.CheckAsync"/>: a reason the user can act on when unavailable.</summary>
public sealed record DriverAvailability(bool IsAvailable, string Detail)
{
    /// <summary>True when this driver already runs the environment; <c>auto</c> then keeps using it.</summary>
    public bool EnvironmentUp { get; init; }

    public static DriverAvailability Available(string detail) => new(true, detail);

    public static DriverAvailability Unavailable(string reason) => new(false, reason);
}
