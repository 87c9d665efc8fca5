using System.Globalization;

namespace DrillRunner.Engine;

/// <summary>Run ids sort by time and read well in paths: <c>20261124-031500-a1b2</c>.</summary>
public static class RunIds
{
    public static string New(TimeProvider time) =>
        time.GetUtcNow().ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture) + "-"
        + Random.Shared.Next(0x10000).ToString("x4", CultureInfo.InvariantCulture);
}
