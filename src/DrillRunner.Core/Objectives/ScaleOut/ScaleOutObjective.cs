using DrillRunner.Scoring;
using DrillRunner.Units;

namespace DrillRunner.Objectives.ScaleOut;

/// <summary>
/// Scale-out time = the first instance sample with at least N healthy instances minus the first fault (or the named
/// step's start, from the journal). Counts come from the driver, sampled during the run (see
/// <see cref="IObservesServices"/>), so they show the service whoever scaled it: an autoscaler, a runbook, a human.
/// </summary>
internal sealed class ScaleOutObjective(ScaleOutOptions options) : IObjective, IObservesServices
{
    private const string Remedy =
        "Scale out sooner: check the autoscaler's metric, thresholds, max replicas and cool-down, and how long a new instance takes to pass its health check.";

    public string Kind => "scale-out";

    public double DefaultWeight => 15;

    public bool IsGate => false;

    public IReadOnlyCollection<string> ObservedServices => [options.Service];

    public ObjectiveResult Evaluate(ScoringInput input, double weight)
    {
        Bound[] target = [Bound.AtLeast(Measures.HealthyInstances, options.AtLeast), Bound.AtMost(Measures.ScaleOut, options.Within)];
        var from = Start(input);
        var samples = input.Timeline.Instances.Where(c => c.Service == options.Service && c.At >= from).OrderBy(c => c.At).ToList();
        if (samples.Count == 0)
        {
            return new ObjectiveResult(Kind, target, [], false, 0, weight, IsGate,
                $"no instance counts of {options.Service} after {from:HH:mm:ss.fff} (the driver could not list them; see the timeline)", Remedy, Unmeasured: "not measured");
        }

        var reached = samples.FirstOrDefault(c => c.Healthy >= options.AtLeast);
        var peak = samples.MaxBy(c => c.Healthy)!;
        var sampling = $"counts sampled every {DurationParser.Format(Engine.InstanceSampler.Interval)} through the driver";
        if (reached is null)
        {
            return new ObjectiveResult(Kind, target, [Measurement.Count(Measures.HealthyInstances, peak.Healthy)], false, 0, weight, IsGate,
                $"{options.Service} never had {options.AtLeast} healthy: it peaked at {peak.Healthy} healthy of {peak.Instances} at {peak.At:HH:mm:ss.fff}, measured from {from:HH:mm:ss.fff}; {sampling}", Remedy);
        }

        var took = reached.At - from;
        var met = took <= options.Within;
        return new ObjectiveResult(Kind, target, [Measurement.Count(Measures.HealthyInstances, reached.Healthy), Measurement.Duration(Measures.ScaleOut, took)], met, met ? 1 : 0, weight, IsGate,
            $"{options.Service} had {reached.Healthy} healthy of {reached.Instances} at {reached.At:HH:mm:ss.fff}, {DurationParser.Format(took)} after {(options.From ?? "the first fault")} ({from:HH:mm:ss.fff}); peak {peak.Healthy}; {sampling}",
            met ? null : Remedy);
    }

    private DateTimeOffset Start(ScoringInput input)
    {
        if (options.From is { } step)
        {
            // Journaled just before the step changed anything; a step without an undo record is timed by its event.
            var journaled = input.Journal.Where(e => e.Step == step).Select(e => (DateTimeOffset?)e.CreatedAt).Min();
            var logged = input.Timeline.Events.Where(e => e.Step == step).Select(e => (DateTimeOffset?)e.At).Min();
            if ((journaled ?? logged) is { } at)
            {
                return at;
            }
        }

        return input.Window.FirstFaultAt ?? input.Window.MethodStart;
    }
}
