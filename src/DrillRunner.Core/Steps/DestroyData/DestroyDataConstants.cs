namespace DrillRunner.Steps.DestroyData;

public static class DestroyDataConstants
{
    public const string Kind = "destroy-data";

    /// <summary>The disaster leaves no clean shutdown behind: every process dies at once.</summary>
    public const string Signal = "SIGKILL";

    /// <summary>Putting a database back and starting it (crash recovery, a leader race) takes longer than most undos.</summary>
    public static readonly TimeSpan UndoTimeLimit = TimeSpan.FromMinutes(6);

    /// <summary>How long an instance may take to start and hold a role again once its data is back.</summary>
    public static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(2);

    /// <summary>After a completed runbook the service is expected back already; this long for its roles to settle.</summary>
    public static readonly TimeSpan RestoredCheck = TimeSpan.FromSeconds(20);

    /// <summary>How long the processes of a killed instance (and commands run in it) may take to go.</summary>
    public static readonly TimeSpan ProcessesGone = TimeSpan.FromSeconds(20);
}
