namespace DrillRunner.Chaos.Faults;

internal enum FaultKind
{
    Latency,
    Error,
    Outcome,
}
