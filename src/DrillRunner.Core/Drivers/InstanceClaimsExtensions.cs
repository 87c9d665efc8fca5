using DrillRunner.Drivers.Capabilities;
using DrillRunner.Loading;

namespace DrillRunner.Drivers;

/// <summary>Refusing to start on instances another environment claims.</summary>
public static class InstanceClaimsExtensions
{
    /// <summary>Throws a <see cref="DrillInputException"/> listing every conflict, when the driver can find them and finds any.</summary>
    public static async Task ThrowIfClaimedElsewhereAsync(this IEnvironmentDriver driver, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(driver);
        if (driver.Find<IInstanceClaims>() is { } claims
            && await claims.FindConflictsAsync(cancellationToken).ConfigureAwait(false) is { Count: > 0 } conflicts)
        {
            throw new DrillInputException(conflicts);
        }
    }
}
