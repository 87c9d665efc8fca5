using DrillRunner.Chaos.Faults;
using Polly;

namespace DrillRunner.Chaos.Pipelines;

/// <summary>Keys under which a call hands its matching faults to the chaos strategies.</summary>
internal static class ChaosContext
{
    public static readonly ResiliencePropertyKey<FaultSelection> Selection = new("drill-chaos.selection");

    public static FaultSelection SelectionOf(ResilienceContext context) =>
        context.Properties.GetValue(Selection, new FaultSelection(null, null, null));
}
