using System.Globalization;
using DrillRunner.Timeline;

namespace DrillRunner.Objectives.DataLoss;

/// <summary>
/// Reads data loss off the timeline (pure): per acknowledged sequence, its first acknowledgement and the latest
/// read-back of each id it was acknowledged with. A sequence survived when any of its ids reads back as written
/// (a retried write acknowledged twice is one write); it is lost when every id is missing or different; otherwise
/// nobody knows. RPO = ack time of the newest lost write minus ack time of the newest surviving write acknowledged
/// before it (0 when none is lost); with no earlier survivor, from the canary's first send, as a lower bound.
/// </summary>
public static class DataLossAnalysis
{
    private const int Listed = 10;

    /// <summary>The probes with canary acknowledgements on the timeline, by name.</summary>
    public static IReadOnlyList<string> Probes(TimelineSnapshot timeline) =>
        [.. timeline.CanaryAcks.Select(a => a.Probe).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];

    public static DataLossFindings Analyze(TimelineSnapshot timeline, string probe)
    {
        var acks = timeline.CanaryAcks.Where(a => a.Probe == probe).ToList();
        var checks = timeline.CanaryChecks.Where(c => c.Probe == probe).ToList();
        var unknown = new List<string>();
        var notes = new List<string>();
        if (acks.Count == 0)
        {
            return new DataLossFindings(probe, 0, 0, [], [$"canary '{probe}' had no write acknowledged"], [], null, false);
        }

        if (checks.Count == 0)
        {
            unknown.Add("no acknowledged write was read back (the run ended before verification)");
        }

        // The latest read-back of each (sequence, id).
        var latest = checks.GroupBy(c => (c.Sequence, c.Id)).ToDictionary(g => g.Key, g => g.MaxBy(c => c.At)!);
        var writes = acks.GroupBy(a => a.Sequence).Select(g => Write(g.ToList(), latest)).OrderBy(w => w.AckAt).ThenBy(w => w.Sequence).ToList();
        Describe(writes, checks, unknown, notes);
        var lost = writes.Where(w => w.State == State.Lost).Select(w => w.Lost!).ToList();
        var survived = writes.Where(w => w.State == State.Survived).ToList();
        if (unknown.Count == 0 && writes.Any(w => w.State == State.Unknown))
        {
            unknown.Add("some acknowledged writes were not read back");
        }

        var (rpo, lowerBound) = unknown.Count > 0 ? (null, false) : Rpo(lost, survived, acks.Min(a => a.SentAt));
        return new DataLossFindings(probe, writes.Count, survived.Count, lost, unknown, notes, rpo, lowerBound);
    }

    private static (TimeSpan? Rpo, bool LowerBound) Rpo(List<LostWrite> lost, List<WriteState> survived, DateTimeOffset firstSent)
    {
        if (lost.Count == 0)
        {
            return (TimeSpan.Zero, false);
        }

        var newestLost = lost.MaxBy(l => l.AckAt)!;
        var before = survived.Where(s => s.AckAt < newestLost.AckAt).Select(s => (DateTimeOffset?)s.AckAt).Max();
        return before is { } survivor ? (newestLost.AckAt - survivor, false) : (newestLost.AckAt - firstSent, true);
    }

    private static WriteState Write(IReadOnlyList<CanaryAck> acks, Dictionary<(long, string?), CanaryCheck> latest)
    {
        var first = acks.MinBy(a => a.AckAt)!;
        var ids = acks.Select(a => a.Id).Distinct().ToList();
        var outcomes = ids.Select(id => latest.GetValueOrDefault((first.Sequence, id))).ToList();
        var found = outcomes.FirstOrDefault(c => c?.Outcome == CanaryOutcome.Found);
        if (found is not null)
        {
            return new WriteState(first, ids, State.Survived, null, found);
        }

        if (outcomes.All(c => c?.Outcome is CanaryOutcome.Missing or CanaryOutcome.Different) && ids.All(id => id is not null))
        {
            var check = outcomes[0]!;
            return new WriteState(first, ids, State.Lost, new LostWrite(first.Sequence, first.Id, first.SentAt, first.AckAt, check.Outcome, check.Detail), check);
        }

        return new WriteState(first, ids, State.Unknown, null, outcomes.FirstOrDefault(c => c is not null));
    }

    private static void Describe(IReadOnlyList<WriteState> writes, IReadOnlyList<CanaryCheck> checks, List<string> unknown, List<string> notes)
    {
        var noId = writes.Where(w => w.Ids.Contains(null) && w.State != State.Survived).ToList();
        if (noId.Count > 0)
        {
            unknown.Add($"{noId.Count} writes acknowledged without an id ({Sequences(noId)}): they cannot be read back");
        }

        var unreadable = writes.Where(w => w.State == State.Unknown && w.Check?.Outcome == CanaryOutcome.Unreadable && !w.Ids.Contains(null)).ToList();
        if (unreadable.Count > 0)
        {
            unknown.Add($"{unreadable.Count} acknowledged writes could not be read back ({Sequences(unreadable)}; {unreadable[0].Check!.Detail})");
        }

        // One id for several writes: only the content can tell them apart; if more than one reads back as written, nothing can.
        foreach (var shared in writes.SelectMany(w => w.Ids.OfType<string>().Select(id => (Id: id, Write: w))).GroupBy(x => x.Id, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            var sharing = shared.Select(x => x.Write).ToList();
            var found = sharing.Count(w => w.State == State.Survived);
            if (found > 1)
            {
                unknown.Add($"id '{shared.Key}' was acknowledged for {sharing.Count} writes ({Sequences(sharing)}) and the read path cannot tell them apart (add read.expect)");
            }
            else
            {
                notes.Add($"id '{shared.Key}' was acknowledged for {sharing.Count} writes ({Sequences(sharing)}): at most one of them can be stored under it");
            }
        }

        foreach (var repeated in writes.Where(w => w.Ids.Count > 1).Take(Listed))
        {
            notes.Add($"write #{repeated.Sequence.ToString(CultureInfo.InvariantCulture)} was acknowledged {repeated.Ids.Count} times (ids {string.Join(", ", repeated.Ids)}): the write path stored a retry twice");
        }

        var back = writes.Where(w => w.State == State.Survived
            && checks.Any(c => c.Sequence == w.Sequence && c.Round != w.Check!.Round && c.Outcome is CanaryOutcome.Missing or CanaryOutcome.Different)).ToList();
        if (back.Count > 0)
        {
            notes.Add($"{back.Count} writes were not readable as written in one round and were in a later one ({Sequences(back)}): read from a replica behind?");
        }
    }

    private static string Sequences(IReadOnlyList<WriteState> writes) =>
        string.Join(" ", writes.Take(Listed).Select(w => "#" + w.Sequence.ToString(CultureInfo.InvariantCulture))) + (writes.Count > Listed ? " ..." : "");

    private enum State
    {
        Survived,
        Lost,
        Unknown,
    }

    private sealed record WriteState(CanaryAck First, IReadOnlyList<string?> Ids, State State, LostWrite? Lost, CanaryCheck? Check)
    {
        public long Sequence => First.Sequence;

        public DateTimeOffset AckAt => First.AckAt;
    }
}
