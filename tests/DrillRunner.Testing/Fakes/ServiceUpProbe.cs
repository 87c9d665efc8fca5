using DrillRunner.Drivers;
using DrillRunner.Engine;
using DrillRunner.Model;
using DrillRunner.Probes;
using DrillRunner.Timeline;

namespace DrillRunner.Testing.Fakes;

/// <summary>Options of the test probe <c>service-up</c>: passes while at least <see cref="MinimumRunning"/> instances run.</summary>
public sealed class ServiceUpProbeOptions : ProbeOptions
{
    public string Service { get; init; } = "app";

    public int MinimumRunning { get; init; } = 1;
}

/// <summary>A probe whose result follows the driver's state, so engine tests observe real cause and effect.</summary>
public sealed class ServiceUpProbe(ServiceUpProbeOptions options) : IProbe
{
    public string Name => options.Name;

    public TimeSpan Interval => options.Interval;

    public TimeSpan Timeout => options.Timeout;

    public IEnumerable<Uri> Targets => [];

    public async Task<ProbeSample> SampleAsync(StepContext context, CancellationToken cancellationToken)
    {
        var running = (await context.Driver.ListInstancesAsync(options.Service, cancellationToken)).Count(i => i.State == InstanceState.Running);
        var ok = running >= options.MinimumRunning;
        return new ProbeSample(Name, context.Time.GetUtcNow(), ok, 1, ok ? 200 : 503, ok ? null : $"{running} running");
    }
}
