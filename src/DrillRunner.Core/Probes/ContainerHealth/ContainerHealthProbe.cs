using DrillRunner.Drivers;
using DrillRunner.Engine;
using DrillRunner.Timeline;

namespace DrillRunner.Probes.ContainerHealth;

/// <summary>
/// Passes while enough instances of a service are running and healthy (the container's own health check, or the
/// service's health path): the engine's view of self-healing, independent of what the load balancer hides.
/// </summary>
internal sealed class ContainerHealthProbe(ContainerHealthOptions options) : IProbe
{
    public string Name => options.Name;

    public TimeSpan Interval => options.Interval;

    public TimeSpan Timeout => options.Timeout;

    public IEnumerable<Uri> Targets => [];

    public async Task<ProbeSample> SampleAsync(StepContext context, CancellationToken cancellationToken)
    {
        var at = context.Time.GetUtcNow();
        var started = context.Time.GetTimestamp();
        var instances = await context.Driver.ListInstancesAsync(options.Service, cancellationToken);
        var healthy = instances.Count(i => i.State == InstanceState.Running && i.Health is InstanceHealth.None or InstanceHealth.Healthy);
        var needed = options.MinimumHealthy ?? Math.Max(1, context.Environment.Services.GetValueOrDefault(options.Service)?.Instances ?? instances.Count);
        var ok = healthy >= needed;
        var error = ok ? null : $"{healthy} of {instances.Count} instance(s) of {options.Service} running and healthy, need {needed}";
        return new ProbeSample(Name, at, ok, context.Time.GetElapsedTime(started).TotalMilliseconds, null, error);
    }
}
