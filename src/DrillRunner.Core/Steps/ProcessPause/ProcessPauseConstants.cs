namespace DrillRunner.Steps.ProcessPause;

public static class ProcessPauseConstants
{
    public const string Kind = "pause-process";

    public const string Stop = "SIGSTOP";

    public const string Continue = "SIGCONT";

    public static readonly TimeSpan MatchTimeout = TimeSpan.FromMilliseconds(100);
}
