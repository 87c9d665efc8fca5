namespace DrillRunner.Model;

/// <summary>
/// What the process manager does when an instance dies unexpectedly. Local: the supervisor restarts it
/// after <see cref="RestartAfter"/>. Docker: restart policy <c>always</c>.
/// </summary>
public sealed class SupervisorSpec
{
    public TimeSpan RestartAfter { get; init; } = TimeSpan.FromSeconds(5);
}
