using System.ComponentModel.DataAnnotations;

namespace DrillRunner.Docker;

/// <summary>Tuning of the <c>docker</c> driver; defaults live in <see cref="DockerDriverConstants"/>.</summary>
public sealed class DockerDriverOptions
{
    /// <summary>Timeout of one Docker API call attempt (retries get their own).</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "01:00:00")]
    public TimeSpan CallTimeout { get; set; } = DockerDriverConstants.CallTimeout;

    /// <summary>How long the first call may take to reach the engine before it counts as unreachable.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:01:00")]
    public TimeSpan ConnectTimeout { get; set; } = DockerDriverConstants.ConnectTimeout;

    /// <summary>Retries of a call that failed transiently (I/O, HTTP transport, 5xx); 4xx is never retried.</summary>
    [Range(0, 10)]
    public int MaxRetries { get; set; } = DockerDriverConstants.MaxRetries;

    /// <summary>First retry delay; later ones back off exponentially.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan RetryDelay { get; set; } = DockerDriverConstants.RetryDelay;

    /// <summary>How long <c>up</c> waits for each container to run and pass its health check.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan StartTimeout { get; set; } = DockerDriverConstants.StartTimeout;

    /// <summary>Seconds a stop or restart waits for a graceful exit before the engine kills.</summary>
    [Range(0, 600)]
    public int StopGraceSeconds { get; set; } = DockerDriverConstants.StopGraceSeconds;

    /// <summary>Polling interval of the wait helpers.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "00:00:10")]
    public TimeSpan PollInterval { get; set; } = DockerDriverConstants.PollInterval;

    /// <summary>Where local image builds keep their publish output; default: a folder under the temp path.</summary>
    public string? BuildCacheDirectory { get; set; }

    /// <summary>
    /// Self-contained publish for built images (falls back to framework-dependent plus the host's runtime when the
    /// runtime packs cannot be restored); false forces that fallback.
    /// </summary>
    public bool SelfContained { get; set; } = true;

    /// <summary>Runtime identifier of the self-contained publish that goes into built images.</summary>
    [Required]
    public string RuntimeIdentifier { get; set; } = DockerDriverConstants.RuntimeIdentifier;

    internal string ResolvedBuildCacheDirectory =>
        BuildCacheDirectory ?? Path.Combine(Path.GetTempPath(), "drillrunner", "images");
}
