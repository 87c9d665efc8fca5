using DrillRunner.Model;
using DrillRunner.Scoring;
using DrillRunner.Timeline;

namespace DrillRunner.Core.Tests.Objectives;

/// <summary>Builds a timeline of canary acknowledgements and read-backs by hand, times in seconds after a fixed start.</summary>
internal sealed class CanaryTimeline
{
    public const string Probe = "orders-canary";

    public static readonly DateTimeOffset Start = new(2026, 11, 24, 10, 0, 0, TimeSpan.Zero);

    private readonly List<CanaryAck> _acks = [];
    private readonly List<CanaryCheck> _checks = [];

    public static DateTimeOffset At(double seconds) => Start.AddTicks((long)Math.Round(seconds * TimeSpan.TicksPerSecond));

    /// <summary>Writes 1..<paramref name="count"/>, sent every second, each acknowledged 50 ms later as id "o{n}" and found.</summary>
    public static CanaryTimeline Regular(int count)
    {
        var timeline = new CanaryTimeline();
        for (var n = 1; n <= count; n++)
        {
            timeline.Ack(n, n - 1 + 0.05).Check(n, CanaryOutcome.Found);
        }

        return timeline;
    }

    public CanaryTimeline Ack(long sequence, double ackSeconds, string? id = "", double? sentSeconds = null)
    {
        _acks.Add(new CanaryAck(Probe, sequence, At(sentSeconds ?? sequence - 1), At(ackSeconds), 201, id == "" ? $"o{sequence}" : id));
        return this;
    }

    /// <summary>A read-back of write <paramref name="sequence"/> (by its id, unless given); a later call for the same write in the same round replaces nothing: the latest check counts.</summary>
    public CanaryTimeline Check(long sequence, CanaryOutcome outcome, string round = CanaryRounds.End, string? id = "", double at = 100)
    {
        var ackId = id == "" ? _acks.First(a => a.Sequence == sequence).Id : id;
        _checks.Add(new CanaryCheck(Probe, sequence, ackId, round, At(at + (round == CanaryRounds.End ? 10 : 0)), outcome, outcome == CanaryOutcome.Found ? null : "status 404"));
        return this;
    }

    /// <summary>Replaces the end-round outcome of write <paramref name="sequence"/>.</summary>
    public CanaryTimeline Set(long sequence, CanaryOutcome outcome)
    {
        _checks.RemoveAll(c => c.Sequence == sequence && c.Round == CanaryRounds.End);
        return Check(sequence, outcome);
    }

    public ScoringInput Input() => new(
        new TimelineSnapshot([], [], [], [], [.. _acks], [.. _checks]),
        [],
        new RunWindow(Start, Start.AddSeconds(1), Start.AddSeconds(60), Start.AddSeconds(61), Start.AddSeconds(120)),
        new RecoverySpec());
}
