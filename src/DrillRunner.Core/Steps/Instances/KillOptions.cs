using System.ComponentModel.DataAnnotations;
using DrillRunner.Model;

namespace DrillRunner.Steps.Instances;

/// <summary>Options of the <c>kill</c> fault: node loss the process manager knows about.</summary>
public sealed class KillOptions : TargetedStepOptions
{
    [RegularExpression("^SIG[A-Z0-9]+$", ErrorMessage = "must be a signal name such as SIGKILL or SIGTERM")]
    public string Signal { get; init; } = "SIGKILL";
}
