using DrillRunner.Chaos.Pipelines;

namespace DrillRunner.Chaos.Tests;

/// <summary>Makes injection decisions deterministic: a fault fires when its rate is above <c>value</c>.</summary>
internal sealed class FixedRandomizer(double value) : ChaosRandomizer
{
    public override double NextDouble() => value;
}
