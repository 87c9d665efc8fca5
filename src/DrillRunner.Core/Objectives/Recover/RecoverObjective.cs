using DrillRunner.Model;
using DrillRunner.Scoring;

namespace DrillRunner.Objectives.Recover;

/// <summary>RTO = E6 - E1. A hard gate: missing it fails the run.</summary>
internal sealed class RecoverObjective(RecoverOptions options) : IObjective
{
    private const string Remedy =
        "Shorten recovery: automate the restart or failover (process manager, restart policy, health-checked load balancing) and rehearse the runbook until it fits the RTO.";

    public string Kind => "recover";

    public double DefaultWeight => 30;

    public bool IsGate => true;

    public ObjectiveResult Evaluate(ScoringInput input, double weight)
    {
        Bound[] target = [Bound.AtMost(Measures.Rto, options.Target)];
        var probes = ProbeSelection.Of(options.Probe, options.Probes);
        var which = ProbeSelection.Describe(probes);
        var firstFailure = RecoveryAnalysis.FirstFailure(input, probes);
        if (firstFailure is null)
        {
            return new ObjectiveResult(Kind, target, [Measurement.Duration(Measures.Rto, TimeSpan.Zero)], true, 1, weight, IsGate,
                $"probes never failed{which}: users saw no outage");
        }

        var back = RecoveryAnalysis.SteadyStateBack(input, firstFailure.Value, probes);
        if (back is null)
        {
            return new ObjectiveResult(Kind, target, [], false, 0, weight, IsGate,
                $"first failure at {firstFailure:HH:mm:ss.fff}{which}; steady state not back for {input.Recovery.ConsecutiveSamples} consecutive samples",
                Remedy, Unmeasured: "not recovered");
        }

        var rto = back.Value - firstFailure.Value;
        var met = rto <= options.Target;
        return new ObjectiveResult(Kind, target, [Measurement.Duration(Measures.Rto, rto)], met, met ? 1 : 0, weight, IsGate,
            $"first failure {firstFailure:HH:mm:ss.fff}, service back {back:HH:mm:ss.fff}{which}", met ? null : Remedy);
    }
}
