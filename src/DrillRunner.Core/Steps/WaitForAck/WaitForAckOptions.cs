using System.ComponentModel.DataAnnotations;
using DrillRunner.Model;

namespace DrillRunner.Steps.WaitForAck;

/// <summary>Options of the <c>wait-for-ack</c> action: the run pauses until an operator acknowledges.</summary>
public sealed class WaitForAckOptions : StepOptions
{
    [Required]
    public string Prompt { get; init; } = "";

    /// <summary>How long to wait before the step fails (and the run restores).</summary>
    [DurationRange("1s", "24h")]
    public TimeSpan Timeout { get; init; } = TimeSpan.FromMinutes(15);
}
