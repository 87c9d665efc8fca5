namespace DrillRunner.Local;

public static class LocalDriverConstants
{
    /// <summary>The driver name environment files use.</summary>
    public const string Name = "local";

    public const string DefaultStateRoot = ".drillrunner/local";

    public const string SupervisorAssembly = "drill-supervisor.dll";
}
