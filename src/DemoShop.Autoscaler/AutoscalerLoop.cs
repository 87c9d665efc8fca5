using DrillRunner.Drivers;
using DrillRunner.Drivers.Capabilities;
using Microsoft.Extensions.Options;

namespace DemoShop.Autoscaler;

/// <summary>
/// Every interval: read the load balancer's in-flight requests, count the service's instances through the engine,
/// ask the policy, and scale through the engine. A failed round is logged and counted; the next one tries again.
/// </summary>
internal sealed partial class AutoscalerLoop(
    IOptions<AutoscalerOptions> options, IEnvironmentDriver engine, LoadBalancerMetrics metrics, AutoscalerStatus status,
    TimeProvider time, ILogger<AutoscalerLoop> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        var policy = new ScalingPolicy(settings, time);
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(settings.IntervalMilliseconds), time);
        do
        {
            try
            {
                await RoundAsync(settings, policy, stoppingToken);
            }
            catch (Exception ex) when (ex is HttpRequestException or FormatException or DriverException or TaskCanceledException && !stoppingToken.IsCancellationRequested)
            {
                status.Failed(ex.Message);
                LogFailed(ex.Message);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private async Task RoundAsync(AutoscalerOptions settings, ScalingPolicy policy, CancellationToken cancellationToken)
    {
        var inFlight = await metrics.InFlightAsync(cancellationToken);
        var current = (await engine.ListInstancesAsync(settings.Service, cancellationToken)).Count;
        status.Observed(inFlight, current);
        if (policy.Decide(inFlight, current) is not { } replicas || replicas == current)
        {
            return;
        }

        LogScaling(settings.Service, current, replicas, inFlight);
        await engine.Require<IServiceScaling>().ScaleAsync(settings.Service, replicas, cancellationToken);
        status.Scaled(time.GetUtcNow(), current, replicas, inFlight);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "scaling {Service} from {From} to {To} (load balancer in-flight {InFlight})")]
    private partial void LogScaling(string service, int from, int to, double inFlight);

    [LoggerMessage(Level = LogLevel.Warning, Message = "autoscaler round failed: {Error}")]
    private partial void LogFailed(string error);
}
