namespace DrillRunner.Docker.Faults.DiskFill;

public static class DiskFillConstants
{
    public const string Kind = "disk-fill";

    public const double MaxLevelPercent = 95;

    /// <summary>A fill never writes more than this, whatever the mount's size: a tmpfs lives in the host's memory.</summary>
    public const long MaxBytes = 2L << 30;

    /// <summary>Filled counts as reached within this share of the mount (blocks round).</summary>
    public const double Tolerance = 0.01;
}
