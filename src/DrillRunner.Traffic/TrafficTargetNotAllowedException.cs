namespace DrillRunner.Traffic;

/// <summary>Thrown before any request is sent when the target's host is not in the plan's allowlist.</summary>
public sealed class TrafficTargetNotAllowedException : Exception
{
    public TrafficTargetNotAllowedException()
    {
    }

    public TrafficTargetNotAllowedException(string message)
        : base(message)
    {
    }

    public TrafficTargetNotAllowedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public string? Host { get; init; }
}
