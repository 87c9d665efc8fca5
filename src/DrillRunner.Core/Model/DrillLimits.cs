namespace DrillRunner.Model;

/// <summary>The bounds every run keeps, whatever its drill file says.</summary>
public static class DrillLimits
{
    /// <summary>A run's injection is cut here unless the drill or the runner says otherwise (<c>maxDuration</c>).</summary>
    public static readonly TimeSpan DefaultMaxDuration = TimeSpan.FromHours(6);

    /// <summary>The dead-man's switch: how long a run may go without its runner's heartbeat before it is restored.</summary>
    public static readonly TimeSpan DefaultLease = TimeSpan.FromSeconds(60);
}
