namespace DrillRunner.Drivers;

public enum InstanceState
{
    Running,
    Paused,
    Stopped,
    Exited,
    Restarting,
    Missing,
}

public enum InstanceHealth
{
    /// <summary>The instance has no health check.</summary>
    None,
    Starting,
    Healthy,
    Unhealthy,
}
