using DrillRunner.Scoring;

namespace DrillRunner.Objectives.Latency;

/// <summary>
/// p95/p99 of generated traffic between the method start and the end of the run, recombined from per-second
/// summaries (see <see cref="SecondsPercentile"/>). Each bound scores 1 when met, falling linearly to 0 at twice
/// the bound; the objective takes the worse of the two.
/// </summary>
internal sealed class LatencyObjective(LatencyOptions options) : IObjective
{
    public string Kind => "latency";

    public double DefaultWeight => 10;

    public bool IsGate => false;

    public ObjectiveResult Evaluate(ScoringInput input, double weight)
    {
        var bounds = new List<(string Name, double Quantile, TimeSpan Bound)>();
        if (options.P95 is { } p95)
        {
            bounds.Add((Measures.P95, 0.95, p95));
        }

        if (options.P99 is { } p99)
        {
            bounds.Add((Measures.P99, 0.99, p99));
        }

        var target = bounds.Select(b => Bound.AtMost(b.Name, b.Bound)).ToList();
        var seconds = input.Timeline.Traffic.Where(t => t.Start >= input.Window.MethodStart && t.Start < input.Window.End).ToList();
        if (bounds.Count == 0 || seconds.Sum(s => s.Sent) == 0)
        {
            return new ObjectiveResult(Kind, target, [], false, 0, weight, IsGate,
                bounds.Count == 0 ? "set p95 and/or p99" : "no generated traffic in the drill window (add a traffic step)", Unmeasured: "no data");
        }

        var measured = bounds.Select(b => (b.Name, b.Bound, Ms: SecondsPercentile.Compute(seconds, b.Quantile))).ToList();
        var score = measured.Min(m => Math.Clamp(2 - (m.Ms / m.Bound.TotalMilliseconds), 0, 1));
        var met = measured.All(m => m.Ms <= m.Bound.TotalMilliseconds);
        var achieved = measured.Select(m => Measurement.Duration(m.Name, TimeSpan.FromMilliseconds(m.Ms))).ToList();
        return new ObjectiveResult(Kind, target, achieved, met, met ? 1 : score, weight, IsGate,
            $"{seconds.Sum(s => s.Sent)} requests over {seconds.Select(s => s.Start).Distinct().Count()} seconds; worst second p99 {seconds.Max(s => s.P99Ms):0}ms",
            met ? null : "Keep latency bounded under failure and load: set timeouts and retry budgets below the user's patience, shed or queue excess load (admission control), add capacity headroom or autoscaling ahead of peaks, and fail over faster so requests do not wait on dead instances.");
    }
}
