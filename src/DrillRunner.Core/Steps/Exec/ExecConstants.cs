namespace DrillRunner.Steps.Exec;

public static class ExecConstants
{
    public const string Kind = "exec";

    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromMinutes(1);

    public static readonly TimeSpan DefaultRetryDelay = TimeSpan.FromSeconds(1);

    /// <summary>Characters of a command's output kept in the step's detail (timeline, journal, report).</summary>
    public const int OutputInDetail = 400;
}
