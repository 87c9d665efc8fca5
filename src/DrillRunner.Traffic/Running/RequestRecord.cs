using DrillRunner.Traffic.Http;

namespace DrillRunner.Traffic.Running;

/// <summary>One finished request as recorded; <see cref="Latency"/> is in timestamp ticks from the intended time.</summary>
internal readonly record struct RequestRecord(long Sequence, long Intended, int User, Outcome Outcome, bool Sent, long Latency);
