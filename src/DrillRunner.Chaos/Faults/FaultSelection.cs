namespace DrillRunner.Chaos.Faults;

/// <summary>The faults that apply to one call, at most one per kind, handed to the chaos strategies.</summary>
internal sealed record FaultSelection(ActiveFault? Latency, ActiveFault? Error, ActiveFault? Outcome)
{
    public bool IsEmpty => Latency is null && Error is null && Outcome is null;
}
