using System.Globalization;
using DrillRunner.Scoring;
using DrillRunner.Units;

namespace DrillRunner.Objectives.DataLoss;

/// <summary>
/// RPO and lost acknowledged writes from the canary's writes and read-backs (<see cref="DataLossAnalysis"/>). A hard
/// gate. A loss that cannot be known (writes unreadable, acknowledged without an id) fails: never scored as no loss.
/// </summary>
internal sealed class DataLossObjective(DataLossOptions options) : IObjective
{
    private const string Remedy =
        "Acknowledge a write only once it is durable where a failover can reach it: synchronous replication (synchronous_commit on or remote_apply "
        + "with a synchronous standby; Patroni synchronous_mode), no write-behind buffering, and fail over only to a replica that has caught up "
        + "(Patroni maximum_lag_on_failover).";

    private const string UnknownRemedy =
        "Make the loss measurable: every acknowledged write needs an id the read path answers for, and the read path must work once the service is back.";

    public string Kind => "data-loss";

    public double DefaultWeight => 20;

    public bool IsGate => true;

    public ObjectiveResult Evaluate(ScoringInput input, double weight)
    {
        var targets = new List<Bound>();
        if (options.Rpo is { } rpoTarget)
        {
            targets.Add(Bound.AtMost(Measures.Rpo, rpoTarget));
        }

        if (options.MaxLostWrites is { } maxLost)
        {
            targets.Add(Bound.AtMost(Measures.LostWrites, maxLost));
        }

        var probes = DataLossAnalysis.Probes(input.Timeline);
        var probe = options.Probe ?? (probes.Count > 0 ? probes[0] : null);
        if (probe is null)
        {
            return new ObjectiveResult(Kind, targets, [], false, 0, weight, IsGate, "the canary had no write acknowledged, so nothing says what survived",
                UnknownRemedy, Unmeasured: "unknown");
        }

        var findings = DataLossAnalysis.Analyze(input.Timeline, probe);
        if (findings.Rpo is not { } rpo)
        {
            return new ObjectiveResult(Kind, targets, [], false, 0, weight, IsGate,
                $"data loss unknown: {string.Join("; ", findings.Unknown)}{Lost(findings)}", UnknownRemedy, Unmeasured: "unknown");
        }

        Measurement[] measured = [Measurement.Duration(Measures.Rpo, rpo), Measurement.Count(Measures.LostWrites, findings.Lost.Count)];
        var met = targets.All(t => t.IsMetBy(measured));
        var detail = $"{findings.Acknowledged.ToString(CultureInfo.InvariantCulture)} acknowledged writes of canary '{probe}' read back: "
            + $"{findings.Survived.ToString(CultureInfo.InvariantCulture)} survived, {findings.Lost.Count.ToString(CultureInfo.InvariantCulture)} lost"
            + Lost(findings)
            + (findings.RpoIsLowerBound ? $"; no earlier write survived, so the RPO is at least {DurationParser.Format(rpo)}" : "")
            + string.Concat(findings.Notes.Select(n => "; " + n));
        return new ObjectiveResult(Kind, targets, measured, met, met ? 1 : 0, weight, IsGate, detail, met ? null : Remedy);
    }

    private static string Lost(DataLossFindings findings) => findings.Lost.Count == 0 ? ""
        : $" ({string.Join(", ", findings.Lost.Take(10).Select(l => $"#{l.Sequence.ToString(CultureInfo.InvariantCulture)} acknowledged {l.AckAt:HH:mm:ss.fff}"))}{(findings.Lost.Count > 10 ? ", ..." : "")})";
}
