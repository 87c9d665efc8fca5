using System.ComponentModel.DataAnnotations;
using DrillRunner.Loading;
using DrillRunner.Steps.Limits;
using DrillRunner.Units;

namespace DrillRunner.Model;

/// <summary>
/// A service's declared CPU and memory limits (<c>limits: { cpus: 1.5, memory: 512MiB }</c>), either alone. The docker
/// driver creates its containers with them; for adopted containers (a selector) they are what the file claims.
/// </summary>
public sealed class LimitsSpec : IValidatableObject
{
    /// <summary>
    /// Why the local driver refuses declared limits (at load for <c>driver: local</c>, when <c>auto</c> picks it): its
    /// cgroup limit holds for one process, and a supervisor's restart starts a new one without it.
    /// </summary>
    public const string LocalDriverRefusal =
        "the local driver cannot hold declared limits: a supervisor's restart starts a new process outside DrillRunner's cgroup, so the limit would silently vanish; use driver: docker, or leave limits out";

    /// <summary>CPUs an instance may use: 0.5 is half of one CPU's time, 2 is two CPUs.</summary>
    [Range(0.01, 64)]
    public double? Cpus { get; init; }

    /// <summary>Memory an instance may use (no swap beyond it); one that needs more is reclaimed, then OOM-killed.</summary>
    [SizeRange(ResourceLimitConstants.MinMemoryBytes, ByteSize.Max)]
    public ByteSize? Memory { get; init; }

    /// <summary>True when both CPU and memory are limited.</summary>
    public bool IsComplete => Cpus is not null && Memory is not null;

    /// <summary>Where <c>limits:</c> is in the environment file; not a YAML field.</summary>
    public SourceLocation Location { get; set; } = SourceLocation.None;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Cpus is null && Memory is null)
        {
            yield return new ValidationResult("give cpus, memory or both (e.g. limits: { cpus: 1.5, memory: 512MiB }), or leave limits out");
        }
    }
}
