namespace DrillRunner.Traffic.Drill;

/// <summary>
/// Finds the highest constant rate a target sustains: runs steps of <see cref="CapacitySettings.StepLength"/>,
/// each <see cref="CapacitySettings.Growth"/> times the last, until a step breaks the p99 bound, the error bound,
/// or falls short of its plan (the generator or the network, not the target, would then be measured). Bounded
/// in steps and total time.
/// </summary>
public static class CapacitySearch
{
    public static async Task<CapacityResult> RunAsync(
        LoadPlan plan,
        CapacitySettings settings,
        IProgress<CapacityStep>? steps,
        IProgress<TrafficSecond>? perSecond,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(time);
        var started = time.GetTimestamp();
        var results = new List<CapacityStep>();
        var rate = settings.StartRate;
        for (var i = 0; i < settings.MaxSteps && time.GetElapsedTime(started) + settings.StepLength <= settings.MaxTotal; i++)
        {
            var stepPlan = LoadPlans.With(plan, ArrivalProfile.Constant(rate, settings.StepLength), settings.StepLength);
            var result = await LoadGenerator.RunAsync(stepPlan, perSecond, time, cancellationToken);
            var step = Judge(rate, result, settings);
            results.Add(step);
            steps?.Report(step);
            if (step.Broke is not null || result.StoppedBy != StopReason.Duration)
            {
                break;
            }

            rate *= settings.Growth;
        }

        var held = results.Where(r => r.Broke is null).Select(r => (double?)r.Rate).LastOrDefault();
        return new CapacityResult(held, results);
    }

    internal static CapacityStep Judge(double rate, LoadResult result, CapacitySettings settings)
    {
        var total = result.Total;
        var errors = total.Sent == 0 ? 1 : (double)total.Failed.Total / total.Sent;
        var p99 = total.Latency.P99;
        string? broke = null;
        if (total.Planned > 0 && total.Sent < total.Planned * 0.99)
        {
            broke = $"sent only {total.Sent} of {total.Planned} planned ({total.Dropped} dropped)";
        }
        else if (errors > settings.MaxErrors)
        {
            broke = $"errors {errors * 100:0.##}% > {settings.MaxErrors * 100:0.##}%";
        }
        else if (p99 > settings.P99)
        {
            broke = $"p99 {p99.TotalMilliseconds:0}ms > {settings.P99.TotalMilliseconds:0}ms";
        }

        return new CapacityStep(rate, result.AchievedRate, p99, errors, broke);
    }
}
