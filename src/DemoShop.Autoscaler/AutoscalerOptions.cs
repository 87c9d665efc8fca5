using System.ComponentModel.DataAnnotations;

namespace DemoShop.Autoscaler;

/// <summary>
/// The <c>Autoscaler</c> configuration section (<c>Autoscaler__MaxReplicas=8</c> as environment variables). Min and max
/// replicas and the cool-down are exactly what a bad autoscaler config gets wrong, so drills set them with
/// <c>misconfigure</c>.
/// </summary>
public sealed class AutoscalerOptions
{
    public const string SectionName = "Autoscaler";

    /// <summary>The environment file whose service is scaled (its driver, engine endpoint and service template).</summary>
    [Required]
    public string Environment { get; set; } = "";

    /// <summary><c>auto</c> (local when started by a local supervisor, else docker), <c>local</c> or <c>docker</c>.</summary>
    public string Driver { get; set; } = "auto";

    [Required]
    public string Service { get; set; } = "app";

    /// <summary>The load balancer's metrics, whose <c>shop_requests_in_flight</c> drives the decisions.</summary>
    [Required]
    [Url]
    public string MetricsUrl { get; set; } = "http://127.0.0.1:18080/metrics";

    [Range(1, 50)]
    public int MinReplicas { get; set; } = 3;

    [Range(1, 50)]
    public int MaxReplicas { get; set; } = 8;

    /// <summary>Scale out when in-flight requests per instance stay above this.</summary>
    [Range(0.1, 10_000)]
    public double TargetInFlight { get; set; } = 1;

    /// <summary>Scale in to the fewest instances that keep in-flight per instance under this, after the cool-down.</summary>
    [Range(0.01, 10_000)]
    public double ScaleInInFlight { get; set; } = 0.3;

    /// <summary>How long in-flight must stay high before a scale-out (one sample is noise).</summary>
    [Range(0, 600)]
    public double ScaleOutAfterSeconds { get; set; } = 1;

    /// <summary>Time after a scale-out before the next one, so new instances can pass their health checks first.</summary>
    [Range(0, 3600)]
    public double ScaleOutCoolDownSeconds { get; set; } = 5;

    /// <summary>Low load must last this long, and this long since the last scaling, before a scale-in.</summary>
    [Range(0, 3600)]
    public double CoolDownSeconds { get; set; } = 30;

    /// <summary>How long a count below min or above max must last before it is fixed (a recreate hides an instance briefly).</summary>
    [Range(0, 3600)]
    public double RepairAfterSeconds { get; set; } = 10;

    [Range(100, 60_000)]
    public int IntervalMilliseconds { get; set; } = 1000;
}
