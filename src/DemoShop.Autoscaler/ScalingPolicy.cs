namespace DemoShop.Autoscaler;

/// <summary>
/// Decides the replica count from the load balancer's in-flight requests, like a horizontal pod autoscaler: scale out
/// to <c>ceil(in-flight / TargetInFlight)</c> once it stays above the current count for <c>ScaleOutAfter</c> (and
/// <c>ScaleOutCoolDown</c> after the last scale-out); scale in to the highest count the looser
/// <c>ScaleInInFlight</c> asked for during the whole cool-down, once that is below the current count. Always within
/// min and max (a count outside them for <c>RepairAfter</c> is brought back). Pure but for the injected clock.
/// </summary>
internal sealed class ScalingPolicy(AutoscalerOptions options, TimeProvider time)
{
    private readonly Queue<(DateTimeOffset At, int Desired)> _scaleInWindow = new();
    private DateTimeOffset? _highSince;
    private DateTimeOffset? _outOfBoundsSince;
    private DateTimeOffset _lastScaleOut = DateTimeOffset.MinValue;
    private DateTimeOffset _lastScale;
    private bool _started;

    /// <summary>The replica count to scale to now, or null to leave the service as it is.</summary>
    public int? Decide(double inFlight, int current)
    {
        var now = time.GetUtcNow();
        if (!_started)
        {
            _started = true;
            _lastScale = now;
        }

        // Outside min..max for a while: fixed whatever the load. Not at once: an instance being recreated by a deploy
        // (or a drill) is briefly not listed, and "repairing" that would race the deploy.
        if (current < options.MinReplicas || current > options.MaxReplicas)
        {
            _outOfBoundsSince ??= now;
            return now - _outOfBoundsSince.Value >= TimeSpan.FromSeconds(options.RepairAfterSeconds)
                ? Scaled(now, Math.Clamp(current, options.MinReplicas, options.MaxReplicas), scaleOut: current < options.MinReplicas)
                : null;
        }

        _outOfBoundsSince = null;

        var outDesired = Clamp(Math.Ceiling(inFlight / options.TargetInFlight));
        _scaleInWindow.Enqueue((now, Clamp(Math.Ceiling(inFlight / options.ScaleInInFlight))));
        var coolDown = TimeSpan.FromSeconds(options.CoolDownSeconds);
        while (_scaleInWindow.Count > 1 && now - _scaleInWindow.Peek().At > coolDown)
        {
            _scaleInWindow.Dequeue();
        }

        if (outDesired > current)
        {
            _highSince ??= now;
            var sustained = now - _highSince.Value >= TimeSpan.FromSeconds(options.ScaleOutAfterSeconds);
            var rested = now - _lastScaleOut >= TimeSpan.FromSeconds(options.ScaleOutCoolDownSeconds);
            return sustained && rested ? Scaled(now, outDesired, scaleOut: true) : null;
        }

        // The window holds the cool-down's worth of observations; a whole cool-down since the last scaling (or the
        // start) means it saw every second of it.
        _highSince = null;
        var stable = _scaleInWindow.Max(w => w.Desired);
        return stable < current && now - _lastScale >= coolDown ? Scaled(now, stable, scaleOut: false) : null;
    }

    private int Scaled(DateTimeOffset now, int replicas, bool scaleOut)
    {
        _lastScale = now;
        _highSince = null;
        _outOfBoundsSince = null;
        if (scaleOut)
        {
            _lastScaleOut = now;
        }

        return replicas;
    }

    private int Clamp(double replicas) => (int)Math.Clamp(replicas, options.MinReplicas, options.MaxReplicas);
}
