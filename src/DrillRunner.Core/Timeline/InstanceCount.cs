namespace DrillRunner.Timeline;

/// <summary>
/// How many instances a service had when the driver was asked at <see cref="At"/>: all it lists, and those running and
/// healthy (or running without a health check). Sampled during the run for objectives such as <c>scale-out</c>.
/// </summary>
public sealed record InstanceCount(string Service, DateTimeOffset At, int Instances, int Healthy);
