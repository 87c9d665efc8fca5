namespace DrillRunner.Engine.Watch;

/// <summary>A run's watchdog could not be started, so the run was refused before it changed anything.</summary>
public sealed class WatchdogUnavailableException : Exception
{
    public WatchdogUnavailableException()
    {
    }

    public WatchdogUnavailableException(string message)
        : base(message)
    {
    }

    public WatchdogUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
