namespace DrillRunner.Local;

/// <summary>Settings of the <c>local</c> driver; the defaults suit <c>drill env up</c> from a project folder.</summary>
public sealed class LocalDriverOptions
{
    /// <summary>Folder holding one state directory per environment (<c>&lt;root&gt;/&lt;env&gt;/</c>); relative to the current directory.</summary>
    public string StateRoot { get; set; } = LocalDriverConstants.DefaultStateRoot;

    /// <summary>Path of <c>drill-supervisor.dll</c>; by default the copy next to <c>DrillRunner.Local.dll</c>.</summary>
    public string? SupervisorPath { get; set; }

    /// <summary>The <c>dotnet</c> host that runs the supervisor; by default the one running this process.</summary>
    public string? DotnetHost { get; set; }

    /// <summary>How long <c>up</c> waits for every instance to run and pass its health check.</summary>
    public TimeSpan UpTimeout { get; set; } = LocalDriverConstants.DefaultUpTimeout;

    public TimeSpan SupervisorStartTimeout { get; set; } = LocalDriverConstants.DefaultSupervisorStartTimeout;

    /// <summary>Time between SIGTERM and SIGKILL when an instance is stopped.</summary>
    public TimeSpan StopGrace { get; set; } = LocalDriverConstants.DefaultStopGrace;

    public TimeSpan HealthTimeout { get; set; } = LocalDriverConstants.DefaultHealthTimeout;

    /// <summary>Bound on one control call (a stop waits up to <see cref="StopGrace"/>).</summary>
    public TimeSpan ControlTimeout { get; set; } = LocalDriverConstants.DefaultControlTimeout;
}
