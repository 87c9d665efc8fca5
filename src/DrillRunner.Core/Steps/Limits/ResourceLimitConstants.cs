namespace DrillRunner.Steps.Limits;

public static class ResourceLimitConstants
{
    public const string CpuKind = "cpu-limit";

    public const string MemoryKind = "memory-limit";

    /// <summary>Docker refuses a memory limit under 6 MB; less would only kill the instance at once.</summary>
    public const long MinMemoryBytes = 6L << 20;

    /// <summary>A limit read back within this share of the one set counts as in effect (quotas and pages round).</summary>
    public const double Tolerance = 0.01;

    public static readonly TimeSpan VerifyTimeout = TimeSpan.FromSeconds(10);
}
