namespace DrillRunner.Chaos.Pipelines;

/// <summary>The random source of injection decisions; replaceable so tests decide deterministically.</summary>
public class ChaosRandomizer
{
    public virtual double NextDouble() => Random.Shared.NextDouble();
}
