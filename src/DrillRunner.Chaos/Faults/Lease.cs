using System.Globalization;

namespace DrillRunner.Chaos.Faults;

/// <summary>Checks a requested lease, so every activation switches itself off if the runner disappears.</summary>
internal static class Lease
{
    public static string? Validate(int? seconds, out TimeSpan lease)
    {
        var value = seconds ?? ChaosConstants.DefaultLeaseSeconds;
        lease = TimeSpan.FromSeconds(value);
        return value is < ChaosConstants.MinLeaseSeconds or > ChaosConstants.MaxLeaseSeconds
            ? string.Create(
                CultureInfo.InvariantCulture,
                $"leaseSeconds must be between {ChaosConstants.MinLeaseSeconds} and {ChaosConstants.MaxLeaseSeconds}, got {value}.")
            : null;
    }
}
