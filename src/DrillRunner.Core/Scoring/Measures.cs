namespace DrillRunner.Scoring;

/// <summary>Names of the measurements the core objectives record; the leadership roll-up reads RTO and RPO by them.</summary>
public static class Measures
{
    public const string Rto = "rto";
    public const string TimeToDetect = "time-to-detect";
    public const string Availability = "availability";
    public const string P95 = "p95";
    public const string P99 = "p99";
    public const string UsersAffected = "users-affected";
    public const string Rpo = "rpo";
    public const string LostWrites = "lost-writes";
    public const string TimeToAlert = "time-to-alert";
    public const string ScaleOut = "scale-out";
    public const string HealthyInstances = "healthy-instances";
    public const string Headroom = "headroom";
    public const string Knee = "knee";
}
