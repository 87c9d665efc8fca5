using System.ComponentModel.DataAnnotations;
using DrillRunner.Model;

namespace DrillRunner.Probes.Http;

/// <summary>Options of the <c>http</c> probe.</summary>
public sealed class HttpProbeOptions : ProbeOptions
{
    /// <summary>Absolute URL; <c>${endpoints.NAME}</c> refers to the environment's endpoints.</summary>
    [Required]
    [Url]
    public string Url { get; init; } = "";

    [Range(100, 599)]
    public int ExpectStatus { get; init; } = 200;

    /// <summary>A sample slower than this fails even with the right status.</summary>
    public TimeSpan? MaxLatency { get; init; }

    public string? BodyContains { get; init; }
}
