using DrillRunner.Timeline;

namespace DrillRunner.Objectives.DataLoss;

/// <summary>An acknowledged canary write that did not survive: missing, or read back with other content.</summary>
public sealed record LostWrite(long Sequence, string? Id, DateTimeOffset SentAt, DateTimeOffset AckAt, CanaryOutcome Outcome, string? Detail);

/// <summary>
/// What one canary's writes and read-backs say about data loss. <see cref="Unknown"/> lists why the loss cannot be
/// known (writes unreadable, acknowledged without an id, never read back, indistinguishable); then there is no RPO.
/// </summary>
public sealed record DataLossFindings(
    string Probe,
    int Acknowledged,
    int Survived,
    IReadOnlyList<LostWrite> Lost,
    IReadOnlyList<string> Unknown,
    IReadOnlyList<string> Notes,
    TimeSpan? Rpo,
    bool RpoIsLowerBound)
{
    public bool IsKnown => Unknown.Count == 0;
}
