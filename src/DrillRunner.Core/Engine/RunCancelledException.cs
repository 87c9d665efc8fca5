namespace DrillRunner.Engine;

/// <summary>A queued run was cancelled (by another runner) in the instant this runner picked it up: it does not start.</summary>
public sealed class RunCancelledException : Exception
{
    public RunCancelledException()
    {
    }

    public RunCancelledException(string message)
        : base(message)
    {
    }

    public RunCancelledException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
