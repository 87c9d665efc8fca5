namespace DrillRunner.Traffic.Drill.Capacity;

/// <summary>
/// Finds the knee, the highest constant rate a target holds within its latency and error bounds: a coarse ramp from
/// <see cref="KneeSearchSettings.From"/> (x <see cref="KneeSearchSettings.Growth"/> per probe, capped at
/// <see cref="KneeSearchSettings.To"/>) until a probe breaks, then bisection between the last rate that held and the
/// first that broke until they are within <see cref="KneeSearchSettings.Precision"/>, with a cool-down before every
/// probe after the first so the target drains its queues. Bounded by <see cref="KneeSearchSettings.MaxProbes"/>.
/// A warm-up at <see cref="KneeSearchSettings.From"/> runs first and is not judged: cold connections, a JIT or empty
/// caches on either side would otherwise make the first probe break on latency the target does not have warm.
/// </summary>
public static class KneeSearch
{
    public const string Coarse = "coarse";
    public const string Bisect = "bisect";
    public const string WarmUp = "warm-up";

    public static async Task<KneeResult> RunAsync(
        LoadPlan plan, KneeSearchSettings settings, IProgress<KneeProbe>? progress, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var probes = new List<KneeProbe>();
        double? held = null;
        double? broke = null;
        var rate = settings.From;
        if (settings.WarmUp > TimeSpan.Zero)
        {
            var warmUp = LoadPlans.With(plan, ArrivalProfile.Constant(rate, settings.WarmUp), settings.WarmUp);
            var result = await LoadGenerator.RunAsync(warmUp, perSecond: null, time, cancellationToken);
            progress?.Report(new KneeProbe(CapacitySearch.Judge(rate, result, settings.Bounds), WarmUp));
        }

        while (probes.Count < settings.MaxProbes)
        {
            var probe = await ProbeAsync(plan, settings, rate, Coarse, probes.Count, time, cancellationToken);
            probes.Add(probe);
            progress?.Report(probe);
            if (probe.Step.Broke is not null)
            {
                broke = rate;
                break;
            }

            held = rate;
            if (rate >= settings.To)
            {
                break;
            }

            rate = Math.Min(rate * settings.Growth, settings.To);
        }

        while (held is { } low && broke is { } high && (high - low) / low > settings.Precision && probes.Count < settings.MaxProbes)
        {
            var middle = (low + high) / 2;
            var probe = await ProbeAsync(plan, settings, middle, Bisect, probes.Count, time, cancellationToken);
            probes.Add(probe);
            progress?.Report(probe);
            if (probe.Step.Broke is null)
            {
                held = middle;
            }
            else
            {
                broke = middle;
            }
        }

        var converged = held is null || broke is null || (broke.Value - held.Value) / held.Value <= settings.Precision;
        return new KneeResult(held, broke, converged, probes);
    }

    private static async Task<KneeProbe> ProbeAsync(
        LoadPlan plan, KneeSearchSettings settings, double rate, string phase, int index, TimeProvider time, CancellationToken cancellationToken)
    {
        if (index > 0)
        {
            await Task.Delay(settings.CoolDown, time, cancellationToken);
        }

        var probePlan = LoadPlans.With(plan, ArrivalProfile.Constant(rate, settings.ProbeLength), settings.ProbeLength);
        var result = await LoadGenerator.RunAsync(probePlan, perSecond: null, time, cancellationToken);
        return new KneeProbe(CapacitySearch.Judge(rate, result, settings.Bounds), phase);
    }
}

/// <summary>One probe of a knee search: the judged step and whether it was part of the coarse ramp or the bisection.</summary>
public sealed record KneeProbe(CapacityStep Step, string Phase);

/// <summary>
/// The knee (<see cref="Held"/>: highest rate that held; null when the lowest broke), the lowest rate that broke (null
/// when even the upper bound held), whether they ended within the precision, and every probe.
/// </summary>
public sealed record KneeResult(double? Held, double? Broke, bool Converged, IReadOnlyList<KneeProbe> Probes);
