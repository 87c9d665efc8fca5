using System.ComponentModel.DataAnnotations;
using DrillRunner.Model;
using DrillRunner.Units;

namespace DrillRunner.Docker.Faults.DiskFill;

/// <summary>
/// Options of <c>disk-fill</c>: a size-limited mount of each instance (a tmpfs the environment declares, or a
/// filesystem of its own) is filled to <c>level</c> with one file, deleted again by the undo. The host's own storage
/// (the container's filesystem, bind mounts, volumes on the host's disk) is never filled.
/// </summary>
public sealed class DiskFillOptions : TargetedStepOptions
{
    /// <summary>A path inside the instance on the mount to fill, e.g. <c>/var/cache/shop</c>.</summary>
    [Required]
    [RegularExpression("^/.*", ErrorMessage = "must be an absolute path inside the instance")]
    public string Path { get; init; } = "";

    /// <summary>How full the mount is once filled; at most 95% (a full mount stops more than the drill means to).</summary>
    [Required]
    [ShareRange(1, DiskFillConstants.MaxLevelPercent)]
    public Percentage? Level { get; init; }
}
