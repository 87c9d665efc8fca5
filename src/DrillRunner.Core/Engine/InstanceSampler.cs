using DrillRunner.Drivers;
using DrillRunner.Timeline;

namespace DrillRunner.Engine;

/// <summary>
/// Asks the driver for each observed service's instances every <see cref="Interval"/> and records how many there were
/// and how many were running and healthy. A driver error is noted once and sampling goes on.
/// </summary>
internal sealed class InstanceSampler(IReadOnlyCollection<string> services, StepContext context)
{
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(500);

    private bool _reported;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var next = context.Time.GetUtcNow();
        while (!cancellationToken.IsCancellationRequested)
        {
            await Task.WhenAll(services.Select(s => SampleAsync(s, cancellationToken)));
            next += Interval;
            var wait = next - context.Time.GetUtcNow();
            if (wait <= TimeSpan.Zero)
            {
                next = context.Time.GetUtcNow();
                continue;
            }

            try
            {
                await Task.Delay(wait, context.Time, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    internal async Task SampleAsync(string service, CancellationToken cancellationToken)
    {
        try
        {
            var instances = await context.Driver.ListInstancesAsync(service, cancellationToken);
            var at = context.Time.GetUtcNow();
            var healthy = instances.Count(i => i.State == InstanceState.Running && i.Health is InstanceHealth.Healthy or InstanceHealth.None);
            context.Timeline.Add(new InstanceCount(service, at, instances.Count, healthy));
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        catch (DriverException ex)
        {
            if (!_reported)
            {
                _reported = true;
                context.Timeline.Add(new TimelineEvent(context.Time.GetUtcNow(), EventKinds.Note, $"instances of {service} could not be listed: {ex.Message}"));
            }
        }
    }
}
