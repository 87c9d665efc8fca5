namespace DrillRunner.Local;

/// <summary>The <c>local</c> driver's name and the defaults of <see cref="LocalDriverOptions"/>.</summary>
public static class LocalDriverConstants
{
    /// <summary>The driver name environment files use.</summary>
    public const string Name = "local";

    public const string DefaultStateRoot = ".drillrunner/local";

    public const string SupervisorAssembly = "drill-supervisor.dll";

    /// <summary>
    /// Set for every process the supervisor starts: the environment's state directory, so a program of the
    /// environment (an autoscaler) reaches the same supervisor through its state file.
    /// </summary>
    public const string StateDirectoryVariable = Shared.StateFiles.StateDirectoryVariable;

    public static readonly TimeSpan DefaultUpTimeout = TimeSpan.FromSeconds(60);

    public static readonly TimeSpan DefaultSupervisorStartTimeout = TimeSpan.FromSeconds(20);

    public static readonly TimeSpan DefaultStopGrace = TimeSpan.FromSeconds(5);

    public static readonly TimeSpan DefaultHealthTimeout = TimeSpan.FromSeconds(2);

    public static readonly TimeSpan DefaultControlTimeout = TimeSpan.FromSeconds(30);
}
