using DrillRunner.Engine;
using DrillRunner.Journal;
using DrillRunner.Loading;
using DrillRunner.Steps;

namespace DrillRunner.Traffic.Drill;

/// <summary>A second generator on top of the baseline for the fault's duration: a flash crowd.</summary>
internal sealed class SurgeStep(SurgeOptions options) : IStep
{
    private string Source => options.Name ?? options.Kind;

    public bool IsFault => true;

    public IEnumerable<Uri> Targets => Uri.TryCreate(options.Url, UriKind.Absolute, out var url) ? [url] : [];

    public string Describe() =>
        options.Multiplier is { } m ? $"surge to {m:0.##}x traffic '{options.Of}'" : $"surge of +{options.Rate} on {(options.Of is { } of ? $"traffic '{of}'" : options.Url)}";

    public Task<UndoRecord?> PrepareAsync(StepContext context, CancellationToken cancellationToken)
    {
        Build(context);
        return Task.FromResult<UndoRecord?>(StopRecord.Create(Source));
    }

    public async Task<string> ExecuteAsync(StepContext context, UndoRecord? undo, CancellationToken cancellationToken)
    {
        var (plan, rate) = Build(context);
        var run = TrafficRun.Start(Source, plan, rate, context.Timeline, context.Time);
        context.Resources.Add(TrafficStepConstants.ResourceKey(Source), run);
        var first = await run.VerifyFlowingAsync(context.Time, cancellationToken);
        return $"{Describe()}: +{rate:0.#}/s to {plan.Target} (first second {first.Ok} ok of {first.Planned} planned)";
    }

    private (LoadPlan Plan, double Rate) Build(StepContext context)
    {
        var baseline = options.Of is { } of ? context.Resources.Get<TrafficRun>(TrafficStepConstants.ResourceKey(of)) : null;
        if (options.Of is not null && baseline is null)
        {
            throw new DrillInputException(new FileProblem(options.Location, "of", $"no running traffic step named '{options.Of}' (start it before the surge)"));
        }

        if ((options.Rate is null) == (options.Multiplier is null) || (options.Multiplier is not null && baseline is null))
        {
            throw new DrillInputException(new FileProblem(options.Location, "rate", "give either 'rate' (e.g. 250/s) or 'multiplier' with 'of' (the baseline traffic step)"));
        }

        var url = options.Url ?? baseline?.Plan.Target.ToString()
            ?? throw new DrillInputException(new FileProblem(options.Location, "url", "give 'url' or 'of' (the baseline traffic step to copy)"));
        var target = TrafficPlans.Target(context, options, url);
        var rate = options.Rate?.PerSecond ?? ((options.Multiplier!.Value - 1) * baseline!.BaseRate);
        var length = TrafficPlans.Length(options);
        var ramp = options.RampUp is { } r && r < length ? r : TimeSpan.Zero;
        var profile = ramp > TimeSpan.Zero
            ? TrafficPlans.Hold([new RateSegment(0, rate, ramp)], length)
            : ArrivalProfile.Constant(rate, length);
        var plan = new LoadPlan
        {
            Target = target,
            AllowedHosts = context.Environment.Allowlist,
            Mix = options.Mix is { Count: > 0 } ? TrafficPlans.Mix(options.Mix) : baseline?.Plan.Mix ?? TrafficPlans.Mix(null),
            Profile = profile,
            Users = baseline?.Plan.Users ?? TrafficStepConstants.DefaultUsers,
            Timeout = baseline?.Plan.Timeout ?? TimeSpan.FromSeconds(5),
            Connections = options.Connections ?? baseline?.Plan.Connections ?? TrafficStepConstants.DefaultConnections,
            Insecure = baseline?.Plan.Insecure ?? false,
            MaxRequests = options.MaxRequests,
            Duration = length,
            Seed = TrafficStep.StableSeed(context.RunId, Source),
        };
        return (plan, rate);
    }
}
