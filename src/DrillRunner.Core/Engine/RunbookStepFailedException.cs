namespace DrillRunner.Engine;

/// <summary>
/// A runbook step failed (a nonzero exit, a timeout, nobody acknowledged): the DR plan did not work. The engine stops
/// the method as for an abort, restores, and scores the run FAIL with the step and its error.
/// </summary>
public sealed class RunbookStepFailedException : Exception
{
    public RunbookStepFailedException(string step, string error, Exception inner)
        : base($"runbook step '{step}' failed: {error}", inner)
    {
        Step = step;
    }

    public RunbookStepFailedException()
    {
        Step = "";
    }

    public RunbookStepFailedException(string message)
        : base(message)
    {
        Step = "";
    }

    public RunbookStepFailedException(string message, Exception inner)
        : base(message, inner)
    {
        Step = "";
    }

    public string Step { get; }
}
