using DrillRunner.Chaos.Faults;
using Polly;
using Polly.Simmy;
using Polly.Simmy.Fault;
using Polly.Simmy.Latency;
using Polly.Simmy.Outcomes;

namespace DrillRunner.Chaos.Pipelines;

/// <summary>
/// Builds Simmy pipelines whose switches and rates come from the <see cref="FaultRegistry"/> at run time:
/// latency first (a slow failure is the realistic one), then error, then outcome.
/// </summary>
internal sealed class ChaosPipelineFactory(FaultRegistry registry, TimeProvider timeProvider, ChaosRandomizer randomizer)
{
    public ResiliencePipeline<T> Build<T>(Func<ActiveFault, ResilienceContext, T> injectedOutcome, Func<ActiveFault, Exception> injectedError)
    {
        var builder = new ResiliencePipelineBuilder<T> { TimeProvider = timeProvider };
        builder.AddChaosLatency(new ChaosLatencyStrategyOptions
        {
            Randomizer = randomizer.NextDouble,
            EnabledGenerator = args => ValueTask.FromResult(ChaosContext.SelectionOf(args.Context).Latency is not null),
            InjectionRateGenerator = args => RateOf(ChaosContext.SelectionOf(args.Context).Latency),
            LatencyGenerator = args => ValueTask.FromResult(ChaosContext.SelectionOf(args.Context).Latency?.Latency ?? TimeSpan.Zero),
            OnLatencyInjected = args => Count(ChaosContext.SelectionOf(args.Context).Latency),
        });
        builder.AddChaosFault(new ChaosFaultStrategyOptions
        {
            Randomizer = randomizer.NextDouble,
            EnabledGenerator = args => ValueTask.FromResult(ChaosContext.SelectionOf(args.Context).Error is not null),
            InjectionRateGenerator = args => RateOf(ChaosContext.SelectionOf(args.Context).Error),
            FaultGenerator = args => ValueTask.FromResult<Exception?>(
                ChaosContext.SelectionOf(args.Context).Error is { } fault ? injectedError(fault) : null),
            OnFaultInjected = args => Count(ChaosContext.SelectionOf(args.Context).Error),
        });
        builder.AddChaosOutcome(new ChaosOutcomeStrategyOptions<T>
        {
            Randomizer = randomizer.NextDouble,
            EnabledGenerator = args => ValueTask.FromResult(ChaosContext.SelectionOf(args.Context).Outcome is not null),
            InjectionRateGenerator = args => RateOf(ChaosContext.SelectionOf(args.Context).Outcome),
            OutcomeGenerator = args => ValueTask.FromResult<Outcome<T>?>(
                ChaosContext.SelectionOf(args.Context).Outcome is { } fault
                    ? Outcome.FromResult(injectedOutcome(fault, args.Context))
                    : null),
            OnOutcomeInjected = args => Count(ChaosContext.SelectionOf(args.Context).Outcome),
        });
        return builder.Build();
    }

    private ValueTask<double> RateOf(ActiveFault? fault) =>
        ValueTask.FromResult(fault is null ? 0 : registry.CurrentRate(fault));

    private ValueTask Count(ActiveFault? fault)
    {
        if (fault is not null)
        {
            registry.CountInjection(fault.Name);
        }

        return ValueTask.CompletedTask;
    }
}
