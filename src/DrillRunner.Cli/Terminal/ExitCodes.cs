namespace DrillRunner.Cli.Terminal;

/// <summary>The CLI's exit codes, documented in the README.</summary>
internal static class ExitCodes
{
    public const int Pass = 0;
    public const int ObjectivesMissed = 1;
    public const int InvalidInput = 2;
    public const int RestoreFailed = 3;

    /// <summary><c>drill halt --status</c>: drills are halted.</summary>
    public const int Halted = 4;
}
