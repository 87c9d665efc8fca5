namespace DrillRunner.Traffic.Tests.Drill;

/// <summary>Tests that measure latency on this machine: never in parallel with other tests of the assembly.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class AloneCollection
{
    public const string Name = "alone";
}
