namespace DrillRunner.Traffic.Running;

/// <summary>One request to send: its sequence number and intended send time (a TimeProvider timestamp).</summary>
internal readonly record struct WorkItem(long Sequence, long Intended);
